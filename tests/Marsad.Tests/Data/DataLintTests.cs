using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Marsad.Arabic;
using Marsad.Tests.Support;

namespace Marsad.Tests.Data;

/// <summary>
/// One lint over every file under data/, whatever its folder. Rules:
/// <list type="bullet">
/// <item>text files are UTF-8 without a BOM, with LF line ends, a final newline and no trailing spaces;
/// gzip files decompress;</item>
/// <item>a TSV opens with a '#' header; its text is NFC, without tatweel or presentation forms; no field has
/// surrounding spaces; keys are unique (the first column, or the first N when the header says "Key columns: N");
/// entries of a file that says they are normalized are fixed points of the normalizer; a file that says its entries are
/// verbatim (evaluation records quoting articles as found) is spared the text checks, not the structure ones;</item>
/// <item>each folder documents its files: a file is named in the folder's README.md or, for a TSV, its header
/// names its source and licence; a script is named by a file of its folder; a build script a header or README
/// names exists, and a README names no file that is gone.</item>
/// </list>
/// </summary>
public sealed partial class DataLintTests
{
    private static readonly string[] TextExtensions = [".tsv", ".md", ".py", ".sh", ".json", ".txt", ".yaml", ".yml"];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Data, path).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepoPaths.Data, "*", SearchOption.AllDirectories).Prepend(RepoPaths.Data).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Data, dir).Replace('\\', '/'));
        }

        return data;
    }

    private static string Full(string relative) => Path.Combine(RepoPaths.Data, relative);

    [Theory]
    [MemberData(nameof(Files))]
    public void FileIsWellFormedForItsFormat(string file)
    {
        var path = Full(file);
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            gz.CopyTo(Stream.Null);
            return;
        }

        Assert.True(TextExtensions.Contains(Path.GetExtension(file)), $"{file}: unknown data file format (expected {string.Join(", ", TextExtensions)} or .gz)");
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), $"{file}: starts with a BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.DoesNotContain('\r', text);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), $"{file}: no final newline");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.False(lines[i].EndsWith(' '), $"{file}:{i + 1}: trailing space");
        }

        if (file.EndsWith(".tsv", StringComparison.Ordinal))
        {
            CheckTsv(file, lines);
        }
    }

    private static void CheckTsv(string file, string[] lines)
    {
        Assert.True(lines[0].StartsWith('#'), $"{file}: no '#' header");
        var header = string.Join('\n', lines.TakeWhile(l => l.StartsWith('#')));
        var keyColumns = KeyColumns().Match(header) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var normalized = NormalizedEntries().IsMatch(header);
        var verbatim = header.Contains("Entries: verbatim", StringComparison.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (!verbatim)
            {
                Assert.True(line.IsNormalized(NormalizationForm.FormC), $"{file}:{i + 1}: not NFC");
                Assert.False(line.Any(c => c is 'ـ' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE'), $"{file}:{i + 1}: tatweel or presentation forms");
                Assert.False(fields.Any(f => f.Length > 0 && (char.IsWhiteSpace(f[0]) || char.IsWhiteSpace(f[^1]))), $"{file}:{i + 1}: a field with surrounding spaces");
            }

            Assert.False(string.IsNullOrEmpty(fields[0]), $"{file}:{i + 1}: empty first field");
            var key = string.Join('\t', fields.Take(keyColumns));
            Assert.True(keys.Add(key), $"{file}:{i + 1}: '{key}' is listed twice");
            if (normalized)
            {
                foreach (var f in fields.Where(HasArabic))
                {
                    Assert.True(f == ArabicNormalizer.Normalize(f), $"{file}:{i + 1}: '{f}' is not in normalized form ('{ArabicNormalizer.Normalize(f)}')");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void FolderDocumentsItsFiles(string folder)
    {
        var dir = Full(folder);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var readmePath = Path.Combine(dir, "README.md");
        var readme = File.Exists(readmePath) ? File.ReadAllText(readmePath) : "";
        var headers = files.Where(f => f!.EndsWith(".tsv", StringComparison.Ordinal))
            .ToDictionary(f => f!, f => string.Join('\n', File.ReadLines(Path.Combine(dir, f!)).TakeWhile(l => l.StartsWith('#'))));

        foreach (var f in files)
        {
            if (f is "README.md")
            {
                continue;
            }

            var inReadme = readme.Contains(f!, StringComparison.Ordinal);
            if (headers.TryGetValue(f!, out var header))
            {
                Assert.True(inReadme || SourceWords().IsMatch(header) && LicenceWords().IsMatch(header),
                    $"{folder}/{f}: neither the folder's README.md nor the file's header says where it comes from and under which licence");
            }
            else if (f!.EndsWith(".py", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal))
            {
                Assert.True(inReadme || headers.Values.Any(h => h.Contains(f, StringComparison.Ordinal)), $"{folder}/{f}: a script no file of its folder names");
            }
            else
            {
                Assert.True(inReadme, $"{folder}/{f}: not described in {folder}/README.md");
            }
        }

        // Build scripts a header or the README names exist; the README names no file that is gone.
        foreach (var text in headers.Values.Append(readme))
        {
            foreach (Match script in ScriptPath().Matches(text))
            {
                var p = script.Value;
                Assert.True(File.Exists(Path.Combine(RepoPaths.Root, p)) || File.Exists(Path.Combine(dir, p)), $"{folder}: names a build script '{p}' that does not exist");
            }
        }

        foreach (Match named in BacktickedFile().Matches(readme))
        {
            var name = named.Groups[1].Value;
            Assert.True(File.Exists(Path.Combine(dir, name)) || File.Exists(Path.Combine(RepoPaths.Root, name)) || name.StartsWith("../", StringComparison.Ordinal),
                $"{folder}/README.md names '{name}', which is not there");
        }
    }

    [Fact]
    public void EveryFolderOfDataIsLinted() => Assert.True(Files().Count >= 60, "the lint found too few data files: is data/ where RepoPaths says?");

    private static bool HasArabic(string s) => s.Any(c => c is >= '\u0600' and <= '\u06FF');

    [GeneratedRegex(@"Key columns: (\d+)")]
    private static partial Regex KeyColumns();

    [GeneratedRegex(@"Entries(:| are) normalized", RegexOptions.IgnoreCase)]
    private static partial Regex NormalizedEntries();

    [GeneratedRegex(@"source|curated|derived|data from|written for", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWords();

    [GeneratedRegex(@"licen[cs]e|CC0|CC[- ]BY|Apache|MIT", RegexOptions.IgnoreCase)]
    private static partial Regex LicenceWords();

    [GeneratedRegex(@"\bdata/[\w/.-]+\.(?:py|sh)\b")]
    private static partial Regex ScriptPath();

    [GeneratedRegex(@"`([\w./-]+\.(?:tsv|py|sh|gz|md|json))`")]
    private static partial Regex BacktickedFile();
}
