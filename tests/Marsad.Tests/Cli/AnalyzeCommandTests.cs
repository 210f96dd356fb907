using System.Text;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    private static readonly string[] DocumentFields =
        ["id", "title", "outlet", "published", "publishedFrom", "text", "removed", "times", "entities", "quantities", "quotes"];

    [SharedFact]
    public void SeedsAnalysisHasTheContractShape()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", SharedData.SeedsDir, "--json", tmp.File("out.json"), "--db", tmp.File("m.db"), "--quiet");
        Assert.True(result.ExitCode == 0, result.Stderr);

        using var json = JsonDocument.Parse(File.ReadAllBytes(tmp.File("out.json")));
        var root = json.RootElement;
        Assert.Equal("marsad.analysis/1", root.GetProperty("schema").GetString());
        foreach (var section in new[] { "entities", "events", "stories", "duplicates", "discrepancies" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(section).ValueKind);
        }

        var docs = root.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(
            Directory.GetFiles(SharedData.SeedsDir, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            docs.Select(d => d.GetProperty("id").GetString()));
        foreach (var d in docs)
        {
            foreach (var field in DocumentFields)
            {
                Assert.True(d.TryGetProperty(field, out _), $"document {d.GetProperty("id")} lacks '{field}'");
            }

            Assert.Contains(d.GetProperty("publishedFrom").GetString(), new[] { "metadata", "text", "story", "none" });
            var published = d.GetProperty("published");
            if (published.ValueKind != JsonValueKind.Null)
            {
                Assert.True(DateOnly.TryParseExact(published.GetString(), "yyyy-MM-dd", out _));
            }

            foreach (var r in d.GetProperty("removed").EnumerateArray())
            {
                Assert.Contains(r.GetProperty("reason").GetString(), new[] { "cookie", "related", "ad", "share", "promo", "comments", "caption", "duplicate", "other" });
                Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString()));
            }

            var text = d.GetProperty("text").GetString()!;
            foreach (var layer in new[] { "times", "entities", "quantities" })
            {
                foreach (var m in d.GetProperty(layer).EnumerateArray())
                {
                    var start = m.GetProperty("start").GetInt32();
                    var end = m.GetProperty("end").GetInt32();
                    Assert.Equal(m.GetProperty("text").GetString(), text[start..end]);
                }
            }
        }
    }

    [SharedFact]
    public void AnalyzingTheSameInputTwiceStoresNothingTwice()
    {
        using var tmp = new TempDir();
        var db = tmp.File("m.db");
        Assert.Equal(0, CliRunner.Run("analyze", SharedData.SeedsDir, "--db", db, "--quiet").ExitCode);
        Assert.Equal(0, CliRunner.Run("analyze", SharedData.SeedsDir, "--db", db).ExitCode);
        using var store = SqliteDocumentStore.Open(db);
        Assert.Equal(5, store.Count());
    }

    [Fact]
    public void SamplesAnalyzeOnAFreshClone()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", RepoPaths.Samples, "--json", tmp.File("s.json"), "--db", tmp.File("s.db"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("documents read", result.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(tmp.File("s.json")));
        var docs = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(7, docs.Count);
        var cp1256 = docs.Single(d => d.GetProperty("encoding").GetString() == "windows-1256");
        Assert.Contains("نينوى", cp1256.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABadInputIsOneLineOnStderrAndTheOthersAreStored()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        File.WriteAllText(Path.Combine(input, "a-good.txt"), "عنوان تجريبي\nقال المتحدث إن الاجتماع سيعقد يوم الأحد المقبل في بغداد لبحث الملفات العالقة بين الجانبين.\n", Encoding.UTF8);
        File.WriteAllBytes(Path.Combine(input, "b-binary.txt"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x7F]);
        File.WriteAllText(Path.Combine(input, "c-empty.txt"), "");
        File.WriteAllText(Path.Combine(input, "d-records.jsonl"), "{\"id\": \"r1\", \"text\": 42}\n{\"id\": \"r2\", \"text\": \"خبر قصير عن افتتاح جسر جديد في الموصل بعد أعمال استمرت عامين.\"}\n");

        var result = CliRunner.Run("analyze", input, "--db", tmp.File("m.db"), "--quiet");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("b-binary.txt", StringComparison.Ordinal) && l.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("c-empty.txt", StringComparison.Ordinal) && l.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("d-records.jsonl", StringComparison.Ordinal) && l.Contains("'text'", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);

        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        Assert.Equal(["a-good", "r2"], store.All().Select(d => d.Id));
    }

    [Fact]
    public void AMissingInputFailsWithExitCodeOne()
    {
        using var tmp = new TempDir();
        var result = CliRunner.Run("analyze", tmp.File("nope"), "--db", tmp.File("m.db"), "--quiet");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageErrorsExitWithTwo()
    {
        Assert.Equal(2, CliRunner.Run("analyze").ExitCode);
        Assert.Equal(2, CliRunner.Run("analyze", "x", "--no-such-option").ExitCode);
        Assert.Equal(2, CliRunner.Run("no-such-command").ExitCode);
    }

    [Fact]
    public void ADatabaseThatIsNotSqliteIsAClearError()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("bad.db"), new string('x', 200));
        var result = CliRunner.Run("analyze", RepoPaths.Samples, "--db", tmp.File("bad.db"), "--quiet");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.db", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonDocumentsAreTheStoredOnesInInputOrderAndNothingIsLeftBeside()
    {
        using var tmp = new TempDir();
        var input = tmp.File("in");
        Marsad.Tests.Robustness.GeneratedArticles.Write(input, 40, seed: 5);
        var outDir = tmp.File("out");
        Directory.CreateDirectory(outDir);
        var result = CliRunner.Run("analyze", input, "--json", Path.Combine(outDir, "a.json"), "--db", tmp.File("m.db"), "--quiet", "--no-index");
        Assert.True(result.ExitCode == 0, result.Stderr);

        Assert.Equal(["a.json"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "a.json")));
        var docs = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(input).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal), docs.Select(d => d.GetProperty("id").GetString()));
        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        var stored = store.All().ToDictionary(d => d.Id, d => d.Json, StringComparer.Ordinal);
        foreach (var d in docs)
        {
            Assert.Equal(stored[d.GetProperty("id").GetString()!], d.GetRawText());
        }
    }
}
