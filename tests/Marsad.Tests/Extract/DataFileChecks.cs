using System.Text;
using Marsad.Arabic;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract;

/// <summary>Checks every curated TSV must pass: a header with source and licence, NFC, no tatweel or presentation forms.</summary>
internal static class DataFileChecks
{
    public static string PathOf(params string[] parts) => Path.Combine([RepoPaths.Data, .. parts]);

    public static List<string[]> Rows(params string[] parts) => TsvLexicon.ReadRows(PathOf(parts)).ToList();

    public static void HasHeaderAndCleanText(params string[] parts)
    {
        var lines = File.ReadAllLines(PathOf(parts), Encoding.UTF8);
        var header = string.Join('\n', lines.TakeWhile(l => l.StartsWith('#')));
        Assert.True(header.Length > 0, $"{string.Join('/', parts)} has no header");
        Assert.Contains("columns:", header, StringComparison.Ordinal);
        Assert.True(header.Contains("Licence", StringComparison.OrdinalIgnoreCase) || header.Contains("CC0", StringComparison.Ordinal) || header.Contains("CC-BY", StringComparison.Ordinal),
            $"{string.Join('/', parts)} header states no licence");
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            Assert.True(line.IsNormalized(NormalizationForm.FormC), $"{string.Join('/', parts)}:{i + 1} is not NFC");
            Assert.DoesNotContain('ـ', line);
            Assert.False(line.Any(c => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC'), $"{string.Join('/', parts)}:{i + 1} has presentation forms");
            Assert.False(line.EndsWith(' '), $"{string.Join('/', parts)}:{i + 1} ends with a space");
        }
    }
}
