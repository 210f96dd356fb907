using System.Text.Json;
using AngleSharp.Dom;

namespace Marsad.Ingest;

/// <summary>
/// Reads a page's metadata. Rules, each list in order of preference:
/// <list type="bullet">
/// <item>title: <c>og:title</c>, <c>twitter:title</c>, JSON-LD <c>headline</c>, the first <c>h1</c>, <c>&lt;title&gt;</c>;
/// a " - Site" / " | Site" part naming the outlet (or, in <c>&lt;title&gt;</c>, a short last part) is cut off;</item>
/// <item>outlet: <c>og:site_name</c>, <c>application-name</c>, JSON-LD <c>publisher</c> (its <c>name</c>);</item>
/// <item>published: <c>article:published_time</c> and the other publication meta names, JSON-LD
/// <c>datePublished</c>, then the first <c>&lt;time datetime&gt;</c> (one marked as the publication date first);</item>
/// <item>url: <c>link rel=canonical</c>, then <c>og:url</c>.</item>
/// </list>
/// JSON-LD blocks are parsed as data (never run); a malformed block is ignored.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly string[] PublishedMetaNames =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date",
        "sailthru.date", "parsely-pub-date", "article.published",
    ];

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "WebPage",
    };

    private static readonly JsonDocumentOptions JsonLdOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static HtmlMetadata Read(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            var content = element.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                meta.TryAdd(key.Trim(), Clean(content));
            }
        }

        var jsonLd = ReadJsonLd(document);
        var outlet = Get(meta, "og:site_name") ?? Get(meta, "application-name") ?? jsonLd.Publisher;

        var h1 = document.QuerySelector("h1") is { } heading ? Clean(heading.TextContent) : null;
        var title = Get(meta, "og:title") ?? Get(meta, "twitter:title") ?? jsonLd.Headline;
        if (title is not null)
        {
            title = StripSite(title, outlet, cutShortTail: false);
        }
        else if (!string.IsNullOrEmpty(h1))
        {
            title = h1;
        }
        else if (document.QuerySelector("title") is { } titleElement && Clean(titleElement.TextContent) is { Length: > 0 } raw)
        {
            title = StripSite(raw, outlet, cutShortTail: true);
        }

        string? unreadDate = null;
        DateOnly? published = null;
        foreach (var candidate in DateCandidates(meta, jsonLd, document))
        {
            if (PublishedDateParser.TryParse(candidate, out var date))
            {
                published = date;
                break;
            }

            unreadDate ??= candidate;
        }

        var url = document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href") is { Length: > 0 } canonical
            ? canonical.Trim()
            : Get(meta, "og:url") ?? jsonLd.Url;

        return new HtmlMetadata(Empty(title), Empty(outlet), published, Empty(url)) { UnreadDate = published is null ? unreadDate : null };
    }

    /// <summary>
    /// Cuts the outlet's name off a title ("Headline - Outlet", "Outlet | Headline"); with
    /// <paramref name="cutShortTail"/>, also a last part of at most four words when the rest is longer.
    /// </summary>
    internal static string StripSite(string title, string? outlet, bool cutShortTail)
    {
        foreach (var separator in TitleSeparators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0)
            {
                var head = title[..last].Trim();
                var tail = title[(last + separator.Length)..].Trim();
                if (outlet is not null && SameName(tail, outlet))
                {
                    return head;
                }

                if (cutShortTail && WordCount(tail) <= 4 && head.Length > tail.Length)
                {
                    return head;
                }
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && outlet is not null && SameName(title[..first], outlet))
            {
                return title[(first + separator.Length)..].Trim();
            }
        }

        return title;
    }

    private static IEnumerable<string> DateCandidates(Dictionary<string, string> meta, JsonLdFacts jsonLd, IDocument document)
    {
        foreach (var name in PublishedMetaNames)
        {
            if (Get(meta, name) is { } value)
            {
                yield return value;
            }
        }

        if (jsonLd.DatePublished is { } fromJson)
        {
            yield return fromJson;
        }

        var times = document.QuerySelectorAll("time[datetime]");
        foreach (var time in times)
        {
            if (time.HasAttribute("pubdate") || string.Equals(time.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase))
            {
                yield return time.GetAttribute("datetime")!;
            }
        }

        if (times.Length > 0)
        {
            yield return times[0].GetAttribute("datetime")!;
        }
    }

    private static JsonLdFacts ReadJsonLd(IDocument document)
    {
        var facts = new JsonLdFacts();
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, JsonLdOptions);
                Visit(json.RootElement, facts, 0);
            }
            catch (JsonException)
            {
                // Pages often ship broken JSON-LD; the other sources of metadata still apply.
            }
        }

        return facts;
    }

    private static void Visit(JsonElement element, JsonLdFacts facts, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, facts, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, facts, depth + 1);
        }

        if (!IsArticle(element))
        {
            return;
        }

        facts.Headline ??= StringOf(element, "headline") ?? StringOf(element, "name");
        facts.DatePublished ??= StringOf(element, "datePublished") ?? StringOf(element, "dateCreated");
        facts.Url ??= StringOf(element, "url");
        if (facts.Publisher is null && element.TryGetProperty("publisher", out var publisher))
        {
            if (publisher.ValueKind == JsonValueKind.Array && publisher.GetArrayLength() > 0)
            {
                publisher = publisher[0];
            }

            facts.Publisher = publisher.ValueKind switch
            {
                JsonValueKind.String => Clean(publisher.GetString()),
                JsonValueKind.Object => StringOf(publisher, "name"),
                _ => null,
            };
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return ArticleTypes.Contains(type.GetString()!);
        }

        return type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!));
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Empty(Clean(value.GetString())) : null;

    private static string? Get(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static bool SameName(string a, string b) =>
        string.Equals(Clean(a), Clean(b), StringComparison.OrdinalIgnoreCase);

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Collapses white space runs to one space and trims.</summary>
    internal static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class JsonLdFacts
    {
        public string? Headline { get; set; }

        public string? DatePublished { get; set; }

        public string? Publisher { get; set; }

        public string? Url { get; set; }
    }
}
