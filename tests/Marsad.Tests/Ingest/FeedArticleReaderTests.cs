using System.Text;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Tests.Ingest;

public class FeedArticleReaderTests
{
    private static List<ReadOutcome> Read(string fixture) =>
        [.. FeedArticleReader.Read(fixture, TextDecoder.Decode(File.ReadAllBytes(IngestFixtures.Path(fixture))))];

    [Fact]
    public void RssItemsBecomeArticles()
    {
        var outcomes = Read("feed.rss");
        Assert.Equal(2, outcomes.Count);
        var rain = outcomes[0].Article!;
        Assert.Equal("rain-001", rain.Id);
        Assert.Equal("هطول أمطار غزيرة على المناطق الساحلية", rain.Title);
        Assert.Equal("https://example.org/rain", rain.Url);
        Assert.Equal("وكالة الأنباء التجريبية", rain.Outlet);
        Assert.Equal(new DateOnly(2023, 11, 5), rain.Published);
        Assert.Equal("شهدت المناطق الساحلية أمطارا غزيرة منذ ساعات الفجر.\nودعت السلطات السائقين إلى الحذر.", rain.Content);
        Assert.Equal(SourceKind.Html, rain.Kind);
    }

    [Fact]
    public void ABadDateKeepsTheItemWithAWarning()
    {
        var fair = Read("feed.rss")[1];
        Assert.True(fair.IsSuccess);
        Assert.Null(fair.Article!.Published);
        Assert.Contains("unrecognized date", Assert.Single(fair.Warnings).Message);
    }

    [Fact]
    public void ContentEncodedWinsOverDescription() =>
        Assert.Equal("ينطلق مهرجان الكتاب الأسبوع المقبل بمشاركة مئة دار نشر.", Read("feed.rss")[1].Article!.Content);

    [Fact]
    public void AtomEntriesBecomeArticles()
    {
        var outcomes = Read("feed.atom");
        var bus = outcomes[0].Article!;
        Assert.Equal("urn:example:bus-line", bus.Id);
        Assert.Equal("https://example.org/bus", bus.Url);
        Assert.Equal(new DateOnly(2023, 11, 6), bus.Published);
        Assert.Equal("نشرة المرصد التجريبية", bus.Outlet);
        Assert.Equal("دشنت البلدية خط حافلات يربط الجامعة بوسط المدينة.\nوتعمل الحافلات كل ربع ساعة.", bus.Content);
        var exams = outcomes[1].Article!;
        Assert.Equal(new DateOnly(2023, 11, 8), exams.Published);
        Assert.Equal(SourceKind.Text, exams.Kind);
    }

    [Fact]
    public void ExternalEntitiesAreNeverResolved()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
            + "<rss><channel><title>ق</title><item><title>ع</title><description>&xxe;</description></item></channel></rss>";
        var outcomes = FeedArticleReader.Read("x.rss", TextDecoder.Decode(Encoding.UTF8.GetBytes(xml))).ToList();
        Assert.DoesNotContain(outcomes, o => o.Article is { } a && a.Content.Length > 1 && a.Content != "ع");
    }

    [Fact]
    public void ATruncatedFeedKeepsEarlierItemsAndReportsTheLine()
    {
        const string xml = "<rss><channel><title>ق</title>\n<item><title>أول</title><description>نص أول</description></item>\n<item><title>ثان</title><descr";
        var outcomes = FeedArticleReader.Read("t.rss", TextDecoder.Decode(Encoding.UTF8.GetBytes(xml))).ToList();
        Assert.Equal("نص أول", outcomes[0].Article!.Content);
        Assert.StartsWith("invalid XML at line 3", outcomes[^1].Error!.Message);
    }

    [Fact]
    public void AnotherRootElementIsNotAFeed()
    {
        var outcome = Assert.Single(FeedArticleReader.Read("c.xml", TextDecoder.Decode("<config><a/></config>"u8)));
        Assert.Contains("not an RSS or Atom feed (root element <config>", outcome.Error!.Message);
    }
}
