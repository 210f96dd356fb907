using System.Text;
using Marsad.Monitoring;

namespace Marsad.Tests.Monitoring;

public class FeedParserTests
{
    private static readonly Uri Base = new("https://news.example/feed");

    private static FeedListing Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Base);

    [Fact]
    public void RssItemsGiveCanonicalAddressesTitlesAndDates()
    {
        var listing = Parse("<rss version=\"2.0\"><channel><title>t</title><link>https://news.example/</link><description>d</description>"
            + "<item><title>خبر</title><link>https://News.Example:443/a/1?utm_source=rss&amp;id=3#top</link><pubDate>Thu, 07 Mar 2024 10:00:00 GMT</pubDate></item>"
            + "<item><title>no address</title></item></channel></rss>");
        var item = Assert.Single(listing.Items);
        Assert.Equal(("https://news.example/a/1?id=3", "خبر", new DateOnly(2024, 3, 7)), (item.Url.AbsoluteUri, item.Title, item.Published));
    }

    [Fact]
    public void AnRssDateSyndicationRefusesIsReadLeniently()
    {
        var listing = Parse("<rss version=\"2.0\"><channel><title>t</title><link>https://news.example/</link><description>d</description>"
            + "<item><title>خبر</title><link>/a/2</link><pubDate>2024-03-07 10:00</pubDate></item></channel></rss>");
        Assert.Equal((new Uri("https://news.example/a/2"), new DateOnly(2024, 3, 7)), (listing.Items[0].Url, listing.Items[0].Published));
    }

    [Fact]
    public void AtomSitemapsAndIndexesAreRead()
    {
        var atom = Parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>x</id><updated>2024-03-07T00:00:00Z</updated>"
            + "<entry><title>a</title><id>urn:1</id><link rel=\"alternate\" href=\"https://news.example/e/1\"/><updated>2024-03-07T09:00:00Z</updated></entry></feed>");
        Assert.Equal(("atom", "https://news.example/e/1"), (atom.Kind, atom.Items[0].Url.AbsoluteUri));
        var news = Parse("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
            + "<url><loc>https://news.example/n/1</loc><news:news><news:publication_date>2024-03-06T20:00:00+03:00</news:publication_date><news:title>عنوان</news:title></news:news></url></urlset>");
        Assert.Equal(("news-sitemap", "عنوان", new DateOnly(2024, 3, 6)), (news.Kind, news.Items[0].Title, news.Items[0].Published));
        var index = Parse("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://news.example/old.xml</loc><lastmod>2020-01-01</lastmod></sitemap>"
            + "<sitemap><loc>https://news.example/new.xml</loc><lastmod>2024-03-07</lastmod></sitemap></sitemapindex>");
        Assert.Equal(["https://news.example/new.xml", "https://news.example/old.xml"], index.Sitemaps.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void MalformedXmlAndDtdsAreRefusedWithTheReason()
    {
        Assert.Contains("malformed XML", Assert.Throws<FormatException>(() => Parse("<rss><channel><item></channel></rss>")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Parse("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss version=\"2.0\"><channel>&x;</channel></rss>"));
        Assert.Contains("not a feed", Assert.Throws<FormatException>(() => Parse("<html><body/></html>")).Message, StringComparison.Ordinal);
    }
}
