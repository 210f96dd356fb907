using System.Xml;
using System.Xml.Linq;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0 RDF) and Atom feeds: one article per item or entry. Rules:
/// <list type="bullet">
/// <item>the root element decides the format (rss, rdf:RDF, feed), not the extension;</item>
/// <item>XML is read with DTDs ignored and no resolver: no external entity or DTD is ever loaded;</item>
/// <item>title; link (Atom: the alternate link's href); date from pubDate, dc:date, published, updated;
/// id from guid or Atom id, else the link, else file name # item number;</item>
/// <item>content from content:encoded, Atom content, description or summary, in that order; markup becomes
/// text lines through <see cref="HtmlArticleExtractor"/>; Atom type="text" stays text;</item>
/// <item>outlet from the item's source, else the channel (feed) title;</item>
/// <item>a date that cannot be read keeps the item, with Published empty and a warning; an item without
/// content keeps its title as text, with a warning;</item>
/// <item>malformed XML (a truncated feed) ends the file with an error naming the line, after the items
/// read before it.</item>
/// </list>
/// </summary>
public static class FeedArticleReader
{
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";

    private static readonly string[] ContentNames = ["encoded", "content", "description", "summary"];

    private static readonly string[] DateElements = ["pubDate", "date", "published", "updated", "issued", "modified"];

    internal static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
    };

    /// <summary>The local name of the root element, or <c>null</c> when the text is not well-formed up to it.</summary>
    public static string? RootElement(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SafeSettings());
            return reader.MoveToContent() == XmlNodeType.Element ? reader.LocalName : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static bool IsFeedRoot(string? root) => root is "rss" or "RDF" or "feed";

    public static IEnumerable<ReadOutcome> Read(string path, DecodedText decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        if (!decoded.IsText)
        {
            return [ReadOutcome.Failure(path, decoded.Error!)];
        }

        return ReadFeed(path, decoded.Text!, decoded.EncodingName);
    }

    private static List<ReadOutcome> ReadFeed(string path, string xml, string encodingName)
    {
        var outcomes = new List<ReadOutcome>();
        var stem = InputFormats.StemOf(path);
        string? channelTitle = null;
        var itemNumber = 0;
        XmlReader? reader = null;
        try
        {
            reader = XmlReader.Create(new StringReader(xml), SafeSettings());
            if (reader.MoveToContent() != XmlNodeType.Element || !IsFeedRoot(reader.LocalName))
            {
                outcomes.Add(ReadOutcome.Failure(path, $"not an RSS or Atom feed (root element <{reader.Name}>; expected <rss>, <rdf:RDF> or <feed>)"));
                return outcomes;
            }

            var atom = reader.LocalName == "feed";
            var titleDepth = atom ? 1 : 2;
            var advanced = reader.Read();
            while (advanced && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    advanced = reader.Read();
                    continue;
                }

                if (reader.LocalName is "item" or "entry" && reader.Depth <= 2)
                {
                    itemNumber++;
                    var line = (reader as IXmlLineInfo)?.LineNumber ?? 0;
                    var item = (XElement)XNode.ReadFrom(reader);
                    outcomes.Add(MapItem(item, path, line, itemNumber, channelTitle, stem, encodingName));
                    continue;
                }

                if (reader.LocalName == "title" && reader.Depth == titleDepth && channelTitle is null)
                {
                    channelTitle = Clean(reader.ReadElementContentAsString());
                    continue;
                }

                advanced = reader.Read();
            }

            if (itemNumber == 0)
            {
                outcomes.Add(ReadOutcome.Failure(path, "feed has no items"));
            }
        }
        catch (XmlException e)
        {
            var where = e.LineNumber > 0 ? $" at line {e.LineNumber}" : "";
            outcomes.Add(ReadOutcome.Failure(path, $"invalid XML{where}: {InputWalker.OneLine(StripPosition(e.Message))}", e.LineNumber > 0 ? e.LineNumber : null));
        }
        finally
        {
            reader?.Dispose();
        }

        return outcomes;
    }

    private static ReadOutcome MapItem(XElement item, string path, int line, int number, string? channelTitle, string stem, string encodingName)
    {
        var label = $"item {number}";
        var warnings = new List<ReadError>();
        var title = Child(item, "title") is { } titleElement ? TextOf(titleElement, out _) : null;
        var link = Link(item);
        var id = Clean(Child(item, "guid")?.Value) ?? Clean(Child(item, "id")?.Value) ?? link;
        var outlet = Clean(Child(item, "source") is { } source ? (Child(source, "title")?.Value ?? source.Value) : null) ?? channelTitle;

        DateOnly? published = null;
        foreach (var name in DateElements)
        {
            if (Child(item, name) is not { } dateElement || string.IsNullOrWhiteSpace(dateElement.Value))
            {
                continue;
            }

            if (PublishedDateParser.TryParse(dateElement.Value, out var date))
            {
                published = date;
            }
            else
            {
                var raw = dateElement.Value.Trim();
                warnings.Add(new ReadError(path, $"{label}: unrecognized date '{(raw.Length > 60 ? raw[..60] + "…" : raw)}' in <{dateElement.Name.LocalName}>; published left empty", line));
            }

            break;
        }

        // media:content and empty elements hold no text: the first element with text wins.
        var contentElement = ContentNames
            .SelectMany(name => item.Elements().Where(e => e.Name.LocalName == name && e.Name.NamespaceName != MediaNamespace))
            .FirstOrDefault(e => e.HasElements || !string.IsNullOrWhiteSpace(e.Value));
        if (ArticleReader.ArticleTooLarge(contentElement?.Value) is { } tooLarge)
        {
            return ReadOutcome.Failure(path, $"{label}: <{contentElement!.Name.LocalName}>: {tooLarge}", line);
        }

        var isHtml = false;
        var content = contentElement is null ? "" : TextOf(contentElement, out isHtml) ?? "";
        if (TextDecoder.IsBlank(content))
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                return ReadOutcome.Failure(path, $"{label}: no title and no content (description, content:encoded, content or summary)", line);
            }

            content = title;
            warnings.Add(new ReadError(path, $"{label}: no content; the title stands for the text", line));
        }

        return ReadOutcome.Success(new RawArticle
        {
            Id = id ?? $"{stem}#{number}",
            IdFromFileName = id is null,
            SourcePath = path,
            Kind = isHtml ? SourceKind.Html : SourceKind.Text,
            Content = content,
            Title = Clean(title),
            Outlet = outlet,
            Published = published,
            Url = link,
            Encoding = encodingName,
        }, warnings);
    }

    /// <summary>The text of an element: Atom xhtml content as markup, type="text" as text, anything else by its look.</summary>
    private static string? TextOf(XElement element, out bool isHtml)
    {
        var type = element.Attribute("type")?.Value.Trim().ToLowerInvariant();
        isHtml = false;
        if (type is "xhtml")
        {
            isHtml = true;
            var markup = string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return HtmlArticleExtractor.FragmentToText(markup);
        }

        var value = element.Value;
        if (type is "text")
        {
            return LineEndings.Normalize(value).Trim();
        }

        isHtml = HtmlArticleExtractor.LooksLikeHtml(value);
        return HtmlArticleExtractor.ToPlainText(value);
    }

    private static string? Link(XElement item)
    {
        string? fallback = null;
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            var href = link.Attribute("href")?.Value;
            if (href is null)
            {
                if (Clean(link.Value) is { } text)
                {
                    return text;
                }

                continue;
            }

            var rel = link.Attribute("rel")?.Value;
            if (rel is null or "alternate")
            {
                return Clean(href);
            }

            fallback ??= Clean(href);
        }

        return fallback;
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : HtmlMetadataReader.Clean(value);

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at].TrimEnd(',', '.') : message;
    }
}
