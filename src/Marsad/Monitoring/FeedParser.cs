using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Marsad.Ingest;

namespace Marsad.Monitoring;

/// <summary>
/// Reads a fetched listing: RSS 2.0 / RSS 1.0 / Atom through <see cref="SyndicationFeed"/>, sitemaps (<c>urlset</c>, with
/// the news extension's title and publication date) and sitemap indexes (<c>sitemapindex</c>). Rules: XML is read
/// with DTDs prohibited and no external resolution; an RSS feed whose dates <see cref="SyndicationFeed"/> refuses (many
/// outlets write non-RFC 822 dates) is read again element by element with the project's date parser; an item without
/// an http(s) address is skipped; malformed XML is a <see cref="FormatException"/> naming the line.
/// </summary>
public static class FeedParser
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    public static FeedListing Parse(ReadOnlyMemory<byte> body, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        try
        {
            var root = RootOf(body);
            return root switch
            {
                "urlset" => Sitemap(body, baseUrl),
                "sitemapindex" => SitemapIndex(body, baseUrl),
                "rss" or "RDF" or "feed" => Syndication(body, baseUrl),
                _ => throw new FormatException($"not a feed or a sitemap (root element <{root}>)"),
            };
        }
        catch (XmlException ex)
        {
            throw new FormatException($"malformed XML: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            // SyndicationFeed on a feed of a version it does not read.
            throw new FormatException($"unreadable feed: {ex.Message}", ex);
        }
    }

    private static XmlReader Reader(ReadOnlyMemory<byte> body) =>
        XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = 256L * 1024 * 1024,
        });

    // The root element's name, once the whole document is known to be well-formed XML (so a broken feed is named as
    // malformed, whatever the feed reader would have complained of first).
    private static string RootOf(ReadOnlyMemory<byte> body)
    {
        using var reader = Reader(body);
        reader.MoveToContent();
        var root = reader.LocalName;
        while (reader.Read())
        {
        }

        return root;
    }

    private static FeedListing Syndication(ReadOnlyMemory<byte> body, Uri baseUrl)
    {
        // SyndicationFeed reads item dates lazily: a date it cannot read throws when the item's date is asked for.
        try
        {
            using var reader = Reader(body);
            var feed = SyndicationFeed.Load(reader);
            var items = new List<FeedItem>();
            foreach (var item in feed.Items)
            {
                var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.OriginalString
                           ?? (item.Id is { } id && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? id : null);
                if (CanonicalUrl.Of(link, item.BaseUri ?? feed.BaseUri ?? baseUrl) is not { } url)
                {
                    continue;
                }

                var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
                items.Add(new FeedItem(url, item.Title?.Text, date == default ? null : DateOnly.FromDateTime(date.UtcDateTime)));
            }

            return new FeedListing(IsAtom(body) ? "atom" : "rss", items, []);
        }
        catch (XmlException ex) when (IsDateProblem(ex))
        {
            return LenientRss(body, baseUrl);
        }
    }

    private static bool IsAtom(ReadOnlyMemory<byte> body)
    {
        using var reader = Reader(body);
        reader.MoveToContent();
        return reader.LocalName == "feed";
    }

    // SyndicationFeed throws an XmlException on a date it cannot read; the message names the date element.
    private static bool IsDateProblem(XmlException ex) =>
        ex.InnerException is FormatException || ex.Message.Contains("date", StringComparison.OrdinalIgnoreCase);

    private static FeedListing LenientRss(ReadOnlyMemory<byte> body, Uri baseUrl)
    {
        using var reader = Reader(body);
        var doc = XDocument.Load(reader);
        var items = new List<FeedItem>();
        foreach (var item in doc.Descendants().Where(e => e.Name.LocalName is "item" or "entry"))
        {
            string? Child(string name) => item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            var link = item.Elements().FirstOrDefault(e => e.Name.LocalName == "link") is { } l
                ? (l.Attribute("href")?.Value ?? l.Value)
                : Child("guid");
            if (CanonicalUrl.Of(link, baseUrl) is not { } url)
            {
                continue;
            }

            items.Add(new FeedItem(url, Child("title"), PublishedDateParser.Parse(Child("pubDate") ?? Child("date") ?? Child("published") ?? Child("updated"))));
        }

        return new FeedListing("rss", items, []);
    }

    private static FeedListing Sitemap(ReadOnlyMemory<byte> body, Uri baseUrl)
    {
        using var reader = Reader(body);
        var doc = XDocument.Load(reader);
        var items = new List<FeedItem>();
        var news = false;
        foreach (var entry in doc.Root!.Elements().Where(e => e.Name.LocalName == "url"))
        {
            if (CanonicalUrl.Of(entry.Elements().FirstOrDefault(e => e.Name.LocalName == "loc")?.Value, baseUrl) is not { } url)
            {
                continue;
            }

            var article = entry.Element(XName.Get("news", NewsNs));
            news |= article is not null;
            var title = article?.Element(XName.Get("title", NewsNs))?.Value.Trim();
            var date = article?.Element(XName.Get("publication_date", NewsNs))?.Value
                       ?? entry.Element(XName.Get("lastmod", SitemapNs))?.Value;
            items.Add(new FeedItem(url, string.IsNullOrEmpty(title) ? null : title, PublishedDateParser.Parse(date)));
        }

        return new FeedListing(news ? "news-sitemap" : "sitemap", items, []);
    }

    private static FeedListing SitemapIndex(ReadOnlyMemory<byte> body, Uri baseUrl)
    {
        using var reader = Reader(body);
        var doc = XDocument.Load(reader);

        // The most recently changed sitemaps first: an index may list years of archives, the news is in the newest.
        var maps = doc.Root!.Elements().Where(e => e.Name.LocalName == "sitemap")
            .Select(e => (Url: CanonicalUrl.Of(e.Elements().FirstOrDefault(x => x.Name.LocalName == "loc")?.Value, baseUrl),
                          Changed: e.Elements().FirstOrDefault(x => x.Name.LocalName == "lastmod")?.Value ?? ""))
            .Where(m => m.Url is not null)
            .OrderByDescending(m => m.Changed, StringComparer.Ordinal)
            .Select(m => m.Url!)
            .ToList();
        return new FeedListing("sitemap-index", [], maps);
    }
}
