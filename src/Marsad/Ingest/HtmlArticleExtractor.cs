using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Marsad.Ingest;

/// <summary>
/// Extracts an article's main text from an HTML page as plain lines. Rules:
/// <list type="number">
/// <item>the page is parsed by AngleSharp without a browsing context: no script runs and nothing is fetched;</item>
/// <item>a page whose markup would nest deeper than <see cref="MaxMarkupDepth"/> open elements is not
/// parsed into a tree (tree building grows quadratically there) but scanned linearly;</item>
/// <item>metadata (title, outlet, date, canonical URL) is read first, from the untouched page;</item>
/// <item>scripts, styles, embedded frames, templates and form controls are removed;</item>
/// <item>page furniture is removed by its structure (<see cref="HtmlFurniturePruner"/>: link blocks, teaser lists,
/// form widgets and their headings), whatever the outlet names its classes;</item>
/// <item>SmartReader (Mozilla Readability) picks the main content; its lines are used when they hold at
/// least <see cref="MinReadableChars"/> characters; otherwise the block extractor runs on the page
/// without nav/header/footer/aside/form, page furniture classes (menu, sidebar, related, share,
/// comments…), and blocks whose text is mostly link text, and its result wins unless it is less than half as long;</item>
/// <item>one line per block element, captions kept as their own lines (see <see cref="HtmlLineWriter"/>); in
/// Readability's result a line that is mostly link text of <see cref="MinLinkLineChars"/> characters or more and is not
/// prose (an inline "read also" title) goes;</item>
/// <item>the headline is the first line (added when the body does not already start with it).</item>
/// </list>
/// Thread-safe: every call uses its own parser and reader.
/// </summary>
public static partial class HtmlArticleExtractor
{
    /// <summary>Real pages nest a few dozen elements; far more means a broken or hostile page.</summary>
    public const int MaxMarkupDepth = 1024;

    /// <summary>Readability is recursive; past this DOM depth only the iterative block extractor runs.</summary>
    public const int MaxReadabilityDepth = 200;

    /// <summary>Below this, Readability probably missed the article (short pages, odd layouts).</summary>
    public const int MinReadableChars = 200;

    /// <summary>A block where more than this share of the text is link text is navigation, not prose.</summary>
    public const double MaxLinkDensity = 0.5;

    /// <summary>A link line shorter than this (a source's name) is not judged by its link density.</summary>
    public const int MinLinkLineChars = 15;

    private const string PlaceholderUri = "https://localhost/";

    /// <summary>Extracts the article of a whole page. <paramref name="pageUrl"/> resolves relative links, if known.</summary>
    public static HtmlExtraction Extract(string html, string? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (HtmlMarkupScanner.EstimateDepth(html) > MaxMarkupDepth)
        {
            return new HtmlExtraction(string.Join('\n', HtmlMarkupScanner.ToLines(html)), HtmlMetadata.Empty, "markup")
            {
                Warnings = [$"markup nested deeper than {MaxMarkupDepth} elements; text taken without layout analysis"],
            };
        }

        var document = Parse(html);
        var metadata = HtmlMetadataReader.Read(document);
        RemoveNonText(document);
        var linksMeanLinks = HtmlFurniturePruner.Prune(document);

        var warnings = new List<string>();
        string? text = null;
        var extractor = "readability";
        if (Depth(document) <= MaxReadabilityDepth)
        {
            text = Readability(document, metadata.Url ?? pageUrl, linksMeanLinks);
        }

        if (text is null || text.Length < MinReadableChars)
        {
            // Readability edits the tree it reads, so the fallback starts from a fresh parse.
            var fresh = Parse(html);
            RemoveNonText(fresh);
            HtmlFurniturePruner.Prune(fresh);
            var blocks = Blocks(fresh);
            // Readability's short result is the less reliable one; keep it only when the blocks lost most of it.
            if (text is null || blocks.Length * 2 >= text.Length)
            {
                text = blocks;
                extractor = "blocks";
            }
        }

        if (metadata.UnreadDate is { } unread)
        {
            warnings.Add($"unrecognized publication date '{Shorten(unread)}'");
        }

        return new HtmlExtraction(WithHeadline(metadata.Title, text), metadata, extractor) { Warnings = warnings };
    }

    /// <summary>
    /// The text of an HTML fragment (an RSS description, a JSON <c>html</c> field holding a snippet): every
    /// block becomes a line, non-text elements are dropped, nothing else is judged.
    /// </summary>
    public static string FragmentToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (HtmlMarkupScanner.EstimateDepth(html) > MaxMarkupDepth)
        {
            return string.Join('\n', HtmlMarkupScanner.ToLines(html));
        }

        var document = Parse(html);
        var body = document.Body ?? (INode)document;
        return Join(HtmlLineWriter.Write(body, e => HtmlLineWriter.NonTextTags.Contains(e.LocalName)), drop: null);
    }

    /// <summary>True when a string holds HTML markup (a tag such as &lt;p&gt;, &lt;br&gt;, &lt;div&gt; or a closing tag).</summary>
    public static bool LooksLikeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return text.Contains('<') && MarkupTag().IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Plain text from a value that may or may not be markup: HTML goes through <see cref="FragmentToText"/>;
    /// plain text keeps its lines, with entities (&amp;quot; &amp;#1605;) decoded and line breaks normalized.
    /// </summary>
    public static string ToPlainText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (LooksLikeHtml(value))
        {
            return FragmentToText(value);
        }

        var text = value.Contains('&') ? System.Net.WebUtility.HtmlDecode(value) : value;
        return LineEndings.Normalize(text).Trim();
    }

    /// <summary>True when the markup is a whole page (html, head or body element) rather than a snippet.</summary>
    public static bool IsWholePage(string html) =>
        html.Contains("<html", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<head", StringComparison.OrdinalIgnoreCase);

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) =>
        new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);

    private static void RemoveNonText(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template, iframe, frame, object, embed, applet, svg, math, canvas"))
        {
            element.Remove();
        }
    }

    private static string? Readability(AngleSharp.Html.Dom.IHtmlDocument document, string? url, bool linksMeanLinks)
    {
        var uri = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed.AbsoluteUri
            : PlaceholderUri;
        IElement? content = null;
        try
        {
            // JSON-LD was already read with the metadata; SmartReader's own pass would only cost time.
            using var reader = new SmartReader.Reader(uri, document) { DisableJSONLD = true };
            reader.AddCustomOperationEnd(element => content = element);
            var article = reader.GetArticle();
            if (!article.Completed || content is null)
            {
                return null;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // SmartReader fails on some broken markup; the block extractor still works on it.
            return null;
        }

        return Join(HtmlLineWriter.Write(content, e => HtmlLineWriter.NonTextTags.Contains(e.LocalName)), drop: linksMeanLinks ? IsLinkTitle : null);
    }

    private static string Blocks(IDocument document)
    {
        var body = document.Body ?? (INode)document;
        var lines = HtmlLineWriter.Write(body, static e =>
            HtmlLineWriter.NonTextTags.Contains(e.LocalName)
            || HtmlLineWriter.PageChromeTags.Contains(e.LocalName)
            || IsFurniture(e));
        return Join(lines, drop: static line => line.LinkDensity > MaxLinkDensity);
    }

    /// <summary>An element whose class or id names page furniture (menus, side bars, share bars, comments).</summary>
    private static bool IsFurniture(IElement element)
    {
        if (element.LocalName is "body" or "article" or "main")
        {
            return false;
        }

        var classes = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (classes is null && id is null)
        {
            return false;
        }

        try
        {
            return Furniture().IsMatch(classes ?? "") || Furniture().IsMatch(id ?? "");
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A line of the article that is mostly a link ("اقرأ أيضا: &lt;a&gt;title&lt;/a&gt;" between two paragraphs) points
    /// elsewhere; a short link (a source's name) or a long linked line (broken markup) stays.
    /// </summary>
    private static bool IsLinkTitle(HtmlLine line) =>
        line.LinkDensity > MaxLinkDensity && line.LinkChars >= MinLinkLineChars && !HtmlFurniturePruner.IsProse(line);

    private static string Join(List<HtmlLine> lines, Func<HtmlLine, bool>? drop)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (drop is not null && drop(line))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line.Text);
        }

        return sb.ToString();
    }

    private static string WithHeadline(string? headline, string body)
    {
        if (string.IsNullOrWhiteSpace(headline))
        {
            return body;
        }

        // Readability may keep the page's own headline a line or two down (after a kicker or a date).
        var wanted = headline.Trim();
        var start = 0;
        for (var i = 0; i < 5 && start < body.Length; i++)
        {
            var end = body.IndexOf('\n', start);
            var line = end < 0 ? body.AsSpan(start) : body.AsSpan(start, end - start);
            if (line.Trim().Equals(wanted, StringComparison.Ordinal))
            {
                return body;
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return body.Length == 0 ? headline : headline + "\n" + body;
    }

    /// <summary>The depth of the element tree, measured without recursion.</summary>
    private static int Depth(IDocument document)
    {
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return max;
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    [GeneratedRegex(@"</?(?:p|br|div|span|a|h[1-6]|li|ul|ol|img|strong|em|b|i|u|table|tr|td|blockquote|figure|figcaption|section|article|html|body)\b[^<>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side-bar|breadcrumbs?|related|share|sharing|social|comments?|cookies?|newsletter|subscribe|advert|ads?|promo|sponsored|popup|modal|footer|masthead|tags|widget)(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex Furniture();
}
