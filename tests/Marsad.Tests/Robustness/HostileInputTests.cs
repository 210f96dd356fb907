using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Robustness;

/// <summary>
/// Hostile inputs through <c>marsad analyze</c>, end to end, each built here: the run goes on, the other files are
/// stored and the JSON written, each problem is one line naming its file, and memory stays bounded.
/// </summary>
public class HostileInputTests
{
    private const string Sentence = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم الأحد المقبل في بغداد لبحث الملفات العالقة بين الجانبين.";

    [Fact]
    public void ALoneSurrogateATruncatedGzipAndAnEscapeInAFileNameEachCostOneLineAndTheRestIsStored()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        File.WriteAllText(Path.Combine(input, "a-surrogate.jsonl"),
            "{\"id\":\"poisoned\",\"text\":\"\\ud800\"}\n{\"id\":\"beside-it\",\"text\":\"" + Sentence + "\"}\n");
        File.WriteAllText(Path.Combine(input, "b-good.txt"), "عنوان\n" + Sentence);
        var evil = Path.Combine(input, "c-evil\n\u001b[2Jname.json");
        File.WriteAllText(evil, "{\"text\": ");
        var records = string.Concat(Enumerable.Range(1, 50).Select(i => $"{{\"id\":\"day-{i}\",\"text\":\"{Sentence} {new string('ا', 100 + (i * 37 % 101))}\"}}\n"));
        var whole = Gzip(Encoding.UTF8.GetBytes(records), CompressionLevel.Optimal);
        File.WriteAllBytes(Path.Combine(input, "d-cut.jsonl.gz"), whole[..(whole.Length / 2)]);

        var result = MarsadProcess.Run("analyze", input, "--db", tmp.File("m.db"), "--json", tmp.File("out.json"), "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stderr);
        Assert.All(result.ErrorLines, l => Assert.StartsWith("marsad: ", l, StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"marsad: {Path.Combine(input, "a-surrogate.jsonl")}:1: line 1: invalid JSON string", StringComparison.Ordinal)
            || l.StartsWith($"marsad: {Path.Combine(input, "a-surrogate.jsonl")}: line 1: invalid JSON string", StringComparison.Ordinal));
        Assert.Single(result.ErrorLines, l => l.Contains("c-evil\\n\\x1B[2Jname.json", StringComparison.Ordinal) && l.Contains("invalid JSON", StringComparison.Ordinal));
        Assert.Single(result.ErrorLines, l => l.Contains("d-cut.jsonl.gz: truncated gzip file", StringComparison.Ordinal));

        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        var ids = store.All().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("beside-it", ids);
        Assert.Contains("b-good", ids);
        Assert.Contains("day-1", ids);
        Assert.DoesNotContain("poisoned", ids);
        using var json = JsonDocument.Parse(File.ReadAllBytes(tmp.File("out.json")));
        Assert.Equal(ids.Count, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void ADocumentTheIndexRefusesIsNamedAndTheOthersAreStoredAndWritten()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        var immense = Path.Combine(input, "a-immense.txt");
        File.WriteAllText(immense, "عنوان\n" + Sentence + " " + new string('س', 20_000) + " " + Sentence);
        File.WriteAllText(Path.Combine(input, "b-after.txt"), "عنوان آخر\n" + Sentence);

        var result = MarsadProcess.Run("analyze", input, "--db", tmp.File("m.db"), "--json", tmp.File("out.json"), "--quiet");

        // Whether the index takes the 20,000-letter word or refuses it, the run goes on, and a failure names the file.
        Assert.All(result.ErrorLines, l => Assert.StartsWith($"marsad: {immense}: ", l, StringComparison.Ordinal));
        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        Assert.Equal(["a-immense", "b-after"], store.All().Select(d => d.Id));
        using var json = JsonDocument.Parse(File.ReadAllBytes(tmp.File("out.json")));
        Assert.Equal(2, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void TheSameFileNameInTwoFoldersAnalyzedInTwoRunsIsTwoDocumentsAndRerunsStoreNothingTwice()
    {
        using var tmp = new TempDir();
        var day1 = Directory.CreateDirectory(tmp.File("day1")).FullName;
        var day2 = Directory.CreateDirectory(tmp.File("day2")).FullName;
        File.WriteAllText(Path.Combine(day1, "x.txt"), "عنوان أول\n" + Sentence);
        File.WriteAllText(Path.Combine(day2, "x.txt"), "عنوان ثان\nوصل الوفد إلى القاهرة صباح السبت في زيارة تستمر يومين.");
        File.WriteAllText(Path.Combine(day1, "feed.jsonl"), $"{{\"text\":\"{Sentence}\"}}\n");
        File.WriteAllText(Path.Combine(day2, "feed.jsonl"), "{\"text\":\"أعلنت الوزارة عن خطة جديدة للنقل العام في المدينة.\"}\n");
        var db = tmp.File("m.db");

        var first = MarsadProcess.Run("analyze", day1, "--db", db, "--no-index", "--quiet");
        var second = MarsadProcess.Run("analyze", day2, "--db", db, "--no-index", "--quiet");
        var again1 = MarsadProcess.Run("analyze", day1, "--db", db, "--no-index", "--quiet");
        var again2 = MarsadProcess.Run("analyze", day2, "--db", db, "--no-index", "--quiet");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains(second.ErrorLines, l => l.Contains("id 'x' is stored from another file", StringComparison.Ordinal) && l.EndsWith("stored as 'x~2'", StringComparison.Ordinal));
        Assert.Equal("", again1.Stderr + again2.Stderr);
        using var store = SqliteDocumentStore.Open(db);
        var docs = store.All().ToDictionary(d => d.Id, StringComparer.Ordinal);
        Assert.Equal(["feed#1", "feed#1~2", "x", "x~2"], docs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("عنوان أول", docs["x"].Text, StringComparison.Ordinal);
        Assert.Contains("عنوان ثان", docs["x~2"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzipBombOfRecordsIsStoppedInBoundedMemoryAndTheRunGoesOn()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        var bomb = Path.Combine(input, "bomb.jsonl.gz");
        using (var file = File.Create(bomb))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 1100; i++)
            {
                gzip.Write(chunk);
            }
        }

        File.WriteAllText(Path.Combine(input, "small.txt"), "عنوان قصير\n" + Sentence);

        var result = MarsadProcess.Run("analyze", input, "--db", tmp.File("m.db"), "--no-index", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"marsad: {bomb}: file too large (over the limit of 1024 MiB after decompression)", Assert.Single(result.ErrorLines));
        Assert.True(result.PeakMb < 400, $"peak memory {result.PeakMb:N0} MB");
        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        Assert.Equal(["small"], store.All().Select(d => d.Id));
    }

    private static byte[] Gzip(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
