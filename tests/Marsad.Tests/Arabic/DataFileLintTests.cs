using System.Text;
using Marsad.Arabic;
using Marsad.Tests.Support;

namespace Marsad.Tests.Arabic;

/// <summary>Checks every TSV file under data/ar/: the rules of the project's lexicons.</summary>
public class DataFileLintTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Data, "ar"), "*.tsv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static string FullPath(string file) => Path.Combine(RepoPaths.Data, "ar", file);

    [Theory]
    [MemberData(nameof(Files))]
    public void HeaderNamesSourceAndForm(string file)
    {
        var header = string.Join('\n', File.ReadLines(FullPath(file)).TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("Source", header, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("Entries: (normalized|raw)", header);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void TextIsNfc(string file)
    {
        foreach (var line in File.ReadLines(FullPath(file), Encoding.UTF8))
        {
            Assert.True(line.IsNormalized(NormalizationForm.FormC), $"{file}: not NFC: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NoPresentationFormsOrTatweel(string file)
    {
        foreach (var row in TsvLexicon.ReadRows(FullPath(file)))
        {
            foreach (var c in string.Join('\t', row))
            {
                Assert.False(c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' or 'ـ', $"{file}: U+{(int)c:X4} in '{row[0]}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NoDuplicateEntries(string file)
    {
        // The key is the first column, or the first N columns when the header says "Key columns: N".
        var header = File.ReadLines(FullPath(file)).TakeWhile(l => l.StartsWith('#'));
        var keyLine = header.FirstOrDefault(l => l.Contains("Key columns: ", StringComparison.Ordinal));
        var keyColumns = keyLine is null ? 1 : int.Parse(keyLine[(keyLine.IndexOf("Key columns: ", StringComparison.Ordinal) + 13)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvLexicon.ReadRows(FullPath(file)))
        {
            var key = string.Join('\t', row.Take(keyColumns));
            Assert.True(seen.Add(key), $"{file}: '{key}' is listed twice");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NormalizedEntriesAreFixedPoints(string file)
    {
        if (!File.ReadLines(FullPath(file)).TakeWhile(l => l.StartsWith('#')).Any(l => l.Contains("Entries: normalized", StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var row in TsvLexicon.ReadRows(FullPath(file)))
        {
            Assert.Equal(row[0], ArabicNormalizer.Normalize(row[0]));
        }
    }

    [Fact]
    public void EveryArabicDataFileIsChecked() => Assert.True(Directory.EnumerateFiles(Path.Combine(RepoPaths.Data, "ar"), "*.tsv").Count() >= 6);
}
