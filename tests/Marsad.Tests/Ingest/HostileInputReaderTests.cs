using System.IO.Compression;
using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>
/// Hostile inputs at the readers, each built here: every one gives outcomes (a line naming the file and the problem),
/// never an exception, and the good records beside it are still read.
/// </summary>
public class HostileInputReaderTests
{
    private const string Sentence = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم الأحد المقبل في بغداد.";

    [Fact]
    public void ALoneSurrogateEscapeInJsonLinesIsAnErrorForItsLineOnly()
    {
        var jsonl = "{\"id\":\"bad\",\"text\":\"\\ud800 نص\"}\n{\"id\":\"good\",\"text\":\"" + Sentence + "\"}\n";
        var outcomes = JsonArticleReader.ReadJsonLines("feed.jsonl", Encoding.UTF8.GetBytes(jsonl)).ToList();

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(1, outcomes[0].Error!.Line);
        Assert.StartsWith("line 1: invalid JSON string: ", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("good", outcomes[1].Article!.Id);
    }

    [Fact]
    public void ALoneSurrogateInAJsonArrayElementSpoilsOnlyThatElement()
    {
        var json = "[{\"id\":\"good1\",\"text\":\"" + Sentence + "\"},\n{\"id\":\"bad\",\"title\":\"\\udc00\",\"text\":\"" + Sentence + "\"},\n{\"id\":\"good2\",\"text\":\"" + Sentence + "\"}]";
        var outcomes = JsonArticleReader.ReadJson("all.json", Encoding.UTF8.GetBytes(json)).ToList();

        Assert.Equal(["good1", "good2"], outcomes.Where(o => o.IsSuccess).Select(o => o.Article!.Id));
        var error = Assert.Single(outcomes, o => !o.IsSuccess).Error!;
        Assert.StartsWith("record 2: invalid JSON string: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedTextGzipIsRefusedAsTruncated()
    {
        using var temp = new TempFolder();
        var whole = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sentence + "\n", 2000))));
        var path = temp.File("cut.txt.gz", whole[..(whole.Length * 2 / 3)]);

        var error = Assert.Single(ArticleReader.Read(path)).Error!;
        Assert.StartsWith("truncated gzip file: its data ends early", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedJsonLinesGzipKeepsTheRecordsBeforeTheCutAndSaysItIsTruncated()
    {
        using var temp = new TempFolder();
        var records = string.Concat(Enumerable.Range(1, 50).Select(i => $"{{\"id\":\"r{i}\",\"text\":\"{Sentence} {i} {new string('ا', 200 + (i * 37 % 101))}\"}}\n"));
        var whole = Gzip(Encoding.UTF8.GetBytes(records));
        var path = temp.File("day.jsonl.gz", whole[..(whole.Length / 2)]);

        var outcomes = ArticleReader.Read(path).ToList();
        var read = outcomes.Count(o => o.IsSuccess);
        Assert.InRange(read, 1, 49);
        Assert.StartsWith("truncated gzip file", outcomes[^1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WholeAndConcatenatedGzipFilesAreNotTakenForTruncated()
    {
        using var temp = new TempFolder();
        var one = Gzip(Encoding.UTF8.GetBytes($"{{\"id\":\"a\",\"text\":\"{Sentence}\"}}\n"));
        var two = Gzip(Encoding.UTF8.GetBytes($"{{\"id\":\"b\",\"text\":\"{Sentence}\"}}\n"));
        var single = temp.File("one.jsonl.gz", one);
        var joined = temp.File("joined.jsonl.gz", [.. one, .. two]);

        Assert.All(ArticleReader.Read(single), o => Assert.True(o.IsSuccess, o.Error?.Message));
        Assert.Equal(["a", "b"], ArticleReader.Read(joined).Select(o => o.Article?.Id ?? o.Error!.Message));
    }

    [Fact]
    public void AGzipBombIsStoppedAtTheLimit()
    {
        using var temp = new TempFolder();
        var path = temp.File("bomb.txt.gz", GzipOfSpaces(ArticleReader.MaxArticleBytes + 1024 * 1024));

        var error = Assert.Single(ArticleReader.Read(path)).Error!;

        Assert.Equal("file too large (over the limit of 64 MiB after decompression)", error.Message);
    }

    [Fact]
    public void AJsonRecordPastTheArticleLimitIsAnErrorNamingItsLine()
    {
        var text = new string('ب', (int)(ArticleReader.MaxArticleBytes / 2) + 1);
        var jsonl = "{\"id\":\"ok\",\"text\":\"" + Sentence + "\"}\n{\"id\":\"huge\",\"text\":\"" + text + "\"}\n";

        var outcomes = JsonArticleReader.ReadJsonLines("big.jsonl", Encoding.UTF8.GetBytes(jsonl)).ToList();

        Assert.Equal("ok", outcomes[0].Article!.Id);
        Assert.Equal("line 2: field 'text': article too large (over the limit of 64 MiB)", outcomes[1].Error!.Message);
    }

    [Fact]
    public void ANewlineOrEscapeInAFileNameIsEscapedInItsMessage()
    {
        var error = new ReadError("in/evil\n\u001b[2Jname\u202E.txt", "empty file");
        Assert.Equal("in/evil\\n\\x1B[2Jname\\u202E.txt: empty file", error.ToString());
        Assert.Equal("قال المتحدث", DisplayText.Escape("قال المتحدث"));
    }

    [Fact]
    public void IdsMadeFromFileNamesAreMarkedSoAnotherFolderCannotTakeThem()
    {
        using var temp = new TempFolder();
        var text = temp.File("day1/x.txt", Sentence);
        var jsonl = temp.File("day1/feed.jsonl", $"{{\"text\":\"{Sentence}\"}}\n{{\"id\":\"own\",\"text\":\"{Sentence}\"}}\n");

        Assert.True(Assert.Single(ArticleReader.Read(text)).Article!.IdFromFileName);
        var records = ArticleReader.Read(jsonl).Select(o => o.Article!).ToList();
        Assert.Equal([("feed#1", true), ("own", false)], records.Select(a => (a.Id, a.IdFromFileName)));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] GzipOfSpaces(long size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            for (long written = 0; written < size; written += chunk.Length)
            {
                gzip.Write(chunk);
            }
        }

        return output.ToArray();
    }
}
