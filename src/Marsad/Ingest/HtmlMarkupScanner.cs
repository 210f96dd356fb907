using System.Net;
using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// A linear-time pass over raw HTML that needs no DOM, for pages a tree builder would choke on. Rules:
/// <list type="bullet">
/// <item>comments, doctype and processing instructions are skipped;</item>
/// <item><see cref="EstimateDepth"/> counts the elements an HTML5 parser (scripting off) opens: a self-closing slash
/// opens an element all the same (<c>&lt;div/&gt;</c> is an open div), except in svg and math; the content of
/// noscript, template, svg and math is markup and counted; only raw-text elements (script, style, textarea, title,
/// xmp, iframe, noembed, noframes) are skipped to their end tag. Void elements and elements that close their
/// like (p, li, td…) are left out, so the count bounds the depth the parser would build;</item>
/// <item><see cref="ToLines"/> skips the content of the raw-text elements and of noscript, template, svg, math and
/// select, which hold no article text;</item>
/// <item><see cref="ToLines"/> breaks lines at block tags and br, separates cells by a space, decodes
/// entities and collapses white space.</item>
/// </list>
/// </summary>
internal static class HtmlMarkupScanner
{
    /// <summary>Elements whose content the HTML5 tokenizer reads as text up to the end tag: they nest nothing.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "iframe", "xmp", "noembed", "noframes",
    };

    private static readonly HashSet<string> SkipContent = new(RawText, StringComparer.OrdinalIgnoreCase)
    {
        "noscript", "template", "svg", "math", "select",
    };

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option",
        "optgroup", "colgroup", "rb", "rt", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> LineBreaking = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "figure", "figcaption", "section", "article", "main", "header", "footer", "aside", "nav", "table",
        "tr", "caption", "pre", "address", "br", "hr", "center", "body", "form",
    };

    public static int EstimateDepth(string html)
    {
        var open = 0;
        var max = 0;
        var foreign = 0;
        Scan(html, RawText, onText: null, onTag: (name, closing, selfClosing) =>
        {
            var isForeignRoot = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
            if (isForeignRoot && !selfClosing)
            {
                foreign = Math.Max(0, foreign + (closing ? -1 : 1));
            }

            if (Uncounted.Contains(name))
            {
                return;
            }

            if (closing)
            {
                open = Math.Max(0, open - 1);
            }
            else if (!selfClosing || (foreign == 0 && !isForeignRoot))
            {
                // Only foreign content (inside svg and math) honours a self-closing slash; in HTML it opens the element.
                open++;
                max = Math.Max(max, open);
            }
        });
        return max;
    }

    public static List<string> ToLines(string html)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var text = Collapse(WebUtility.HtmlDecode(current.ToString()));
            if (text.Length > 0)
            {
                lines.Add(text);
            }

            current.Clear();
        }

        Scan(html, SkipContent, onText: span => current.Append(span), onTag: (name, _, _) =>
        {
            if (LineBreaking.Contains(name))
            {
                Flush();
            }
            else if (name is "td" or "th")
            {
                current.Append(' ');
            }
        });
        Flush();
        return lines;
    }

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static void Scan(string html, HashSet<string> skipContent, Action<ReadOnlySpan<char>>? onText, Action<string, bool, bool> onTag)
    {
        var i = 0;
        var n = html.Length;
        while (i < n)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                onText?.Invoke(html.AsSpan(i));
                return;
            }

            if (lt > i)
            {
                onText?.Invoke(html.AsSpan(i, lt - i));
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? n : end + 3;
                continue;
            }

            var p = lt + 1;
            var closing = p < n && html[p] == '/';
            if (closing)
            {
                p++;
            }

            if (p >= n || !char.IsAsciiLetter(html[p]))
            {
                if (p < n && html[p] is '!' or '?')
                {
                    var end = html.IndexOf('>', p);
                    i = end < 0 ? n : end + 1;
                    continue;
                }

                // A '<' that starts no tag is text.
                onText?.Invoke("<");
                i = lt + 1;
                continue;
            }

            var nameStart = p;
            while (p < n && (char.IsAsciiLetterOrDigit(html[p]) || html[p] is '-' or ':'))
            {
                p++;
            }

            var name = html[nameStart..p];
            var tagEnd = FindTagEnd(html, p);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            i = tagEnd < 0 ? n : tagEnd + 1;
            onTag(name, closing, selfClosing);
            if (!closing && !selfClosing && skipContent.Contains(name))
            {
                var endTag = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (endTag < 0)
                {
                    return;
                }

                var close = html.IndexOf('>', endTag);
                i = close < 0 ? n : close + 1;
            }
        }
    }

    /// <summary>
    /// The index of the '>' that ends a tag, or -1 when the input ends first. As in the HTML5 tokenizer, a quote opens
    /// a quoted value only right after '=' (and white space); elsewhere it is an ordinary character, so a stray quote
    /// cannot hide the markup after it from the scan.
    /// </summary>
    private static int FindTagEnd(string html, int from)
    {
        var afterEquals = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return i;
            }

            if (c == '=')
            {
                afterEquals = true;
                continue;
            }

            if (afterEquals && char.IsWhiteSpace(c))
            {
                continue;
            }

            if (afterEquals && c is '"' or '\'')
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return -1;
                }

                i = close;
            }

            afterEquals = false;
        }

        return -1;
    }
}
