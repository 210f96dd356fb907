using System.IO.Compression;
using System.Text;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Tests.Ingest;

public class ArticleReaderTests
{
    private const string Story = "عنوان الخبر\r\nجملة أولى في الخبر.\r\n\r\nجملة ثانية.";

    [Fact]
    public void TextFileIsOneArticleWithNormalizedLines()
    {
        using var temp = new TempFolder();
        var path = temp.File("news/item-7.txt", Story);
        var article = Assert.Single(ArticleReader.Read(path)).Article!;
        Assert.Equal("item-7", article.Id);
        Assert.Equal(SourceKind.Text, article.Kind);
        Assert.Equal("عنوان الخبر\nجملة أولى في الخبر.\n\nجملة ثانية.", article.Content);
        Assert.Equal(path, article.SourcePath);
    }

    [Fact]
    public void Windows1256TextFileIsDecoded()
    {
        using var temp = new TempFolder();
        var path = temp.File("old.txt", EncodingDetector.Arabic1256.GetBytes(Story));
        var article = Assert.Single(ArticleReader.Read(path)).Article!;
        Assert.Equal("windows-1256", article.Encoding);
        Assert.StartsWith("عنوان الخبر\n", article.Content);
    }

    [Fact]
    public void EmptyAndBinaryFilesAreErrors()
    {
        using var temp = new TempFolder();
        var empty = temp.File("empty.txt", []);
        var blank = temp.File("blank.txt", "  \n\n ");
        var binary = temp.File("image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
        Assert.Equal("empty file", Assert.Single(ArticleReader.Read(empty)).Error!.Message);
        Assert.Equal("empty file", Assert.Single(ArticleReader.Read(blank)).Error!.Message);
        Assert.Equal("not a text file (binary content)", Assert.Single(ArticleReader.Read(binary)).Error!.Message);
    }

    [Fact]
    public void HtmlFileIsPlainTextWithMetadata()
    {
        var article = Assert.Single(ArticleReader.Read(IngestFixtures.Path("article.html"))).Article!;
        Assert.Equal("article", article.Id);
        Assert.Equal(SourceKind.Html, article.Kind);
        Assert.Equal("صحيفة الواحة", article.Outlet);
        Assert.DoesNotContain("<", article.Content);
    }

    [Fact]
    public void XmlIsDispatchedByItsRootElement()
    {
        using var temp = new TempFolder();
        var atom = temp.File("feed.xml", File.ReadAllBytes(IngestFixtures.Path("feed.atom")));
        Assert.Equal(2, ArticleReader.Read(atom).Count(o => o.IsSuccess));
    }

    [Fact]
    public void UnknownExtensionIsSniffed()
    {
        using var temp = new TempFolder();
        var rss = temp.File("download", File.ReadAllBytes(IngestFixtures.Path("feed.rss")));
        var text = temp.File("notes.md", "سطر عادي");
        Assert.Equal(2, ArticleReader.Read(rss).Count(o => o.IsSuccess));
        Assert.Equal(SourceKind.Text, Assert.Single(ArticleReader.Read(text)).Article!.Kind);
    }

    [Fact]
    public void GzipFilesAreDecompressed()
    {
        using var temp = new TempFolder();
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes("{\"id\": \"g1\", \"text\": \"خبر مضغوط\"}\n"));
        }

        var path = temp.File("pack.jsonl.gz", buffer.ToArray());
        Assert.Equal("g1", Assert.Single(ArticleReader.Read(path)).Article!.Id);
        var broken = temp.File("broken.jsonl.gz", "not gzip");
        Assert.StartsWith("not a valid gzip file", Assert.Single(ArticleReader.Read(broken)).Error!.Message);
    }

    [Fact]
    public void ReadAllWalksFoldersAndReportsMissingInputs()
    {
        using var temp = new TempFolder();
        temp.File("b.txt", "الثاني");
        temp.File("a.txt", "الأول");
        var outcomes = ArticleReader.ReadAll([temp.Root, Path.Combine(temp.Root, "missing.txt")]).ToList();
        Assert.Equal(["a", "b"], outcomes.Where(o => o.IsSuccess).Select(o => o.Article!.Id));
        Assert.Equal("no such file or folder", outcomes[^1].Error!.Message);
    }

    [Fact]
    public void ErrorsReadAsPathLineMessage() =>
        Assert.Equal("f.jsonl:4: line 4: bad", new ReadError("f.jsonl", "line 4: bad", 4).ToString());
}
