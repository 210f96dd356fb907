using System.Text;
using AngleSharp.Dom;

namespace Marsad.Ingest;

/// <summary>
/// Turns a DOM subtree into plain text lines. Rules:
/// <list type="bullet">
/// <item>each block element (p, div, h1–h6, li, blockquote, figure, figcaption, section, article, table rows…)
/// starts and ends a line, so a div's own text, a caption, a list item each become a line;</item>
/// <item><c>br</c> and <c>hr</c> end a line; inside <c>pre</c> every newline does;</item>
/// <item>white space runs (NBSP included) collapse to one space; lines are trimmed and empty ones dropped;</item>
/// <item>table cells are separated by a space;</item>
/// <item>elements in the skip set (scripts, styles, forms…) and hidden elements (<c>hidden</c>,
/// <c>aria-hidden="true"</c>, <c>display:none</c>) are left out with everything inside them;</item>
/// <item>characters inside links are counted, for link-density filtering.</item>
/// </list>
/// The walk uses an explicit stack, so any nesting depth is safe.
/// </summary>
internal sealed class HtmlLineWriter
{
    /// <summary>Never text: code, styling, embedded objects and form controls.</summary>
    public static readonly HashSet<string> NonTextTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
        "svg", "math", "canvas", "video", "audio", "map", "select", "option", "button", "input", "textarea",
        "head", "title", "meta", "link", "base", "dialog",
    };

    /// <summary>Page furniture around an article: navigation, site header and footer, side bars, forms.</summary>
    public static readonly HashSet<string> PageChromeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "form", "menu",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "figure", "figcaption", "section", "article", "main", "header", "footer", "aside", "nav", "table",
        "thead", "tbody", "tfoot", "tr", "caption", "pre", "address", "details", "summary", "center",
        "body", "html", "legend", "fieldset", "hgroup", "form", "menu",
    };

    private readonly Func<IElement, bool> _skip;
    private readonly List<HtmlLine> _lines = [];
    private readonly StringBuilder _line = new();
    private int _linkChars;
    private int _textChars;
    private bool _pendingSpace;

    private HtmlLineWriter(Func<IElement, bool> skip) => _skip = skip;

    /// <summary>The lines of <paramref name="root"/>, skipping the elements <paramref name="skip"/> selects.</summary>
    public static List<HtmlLine> Write(INode root, Func<IElement, bool> skip)
    {
        var writer = new HtmlLineWriter(skip);
        writer.Walk(root);
        writer.Flush();
        return writer._lines;
    }

    /// <summary>True for an element a reader cannot see.</summary>
    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);
    }

    private void Walk(INode root)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        var linkDepth = 0;
        var preDepth = 0;
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement closing && exit)
            {
                var closingName = closing.LocalName;
                if (closingName == "a")
                {
                    linkDepth--;
                }
                else if (closingName == "pre")
                {
                    preDepth--;
                }

                if (BlockTags.Contains(closingName))
                {
                    Flush();
                }

                continue;
            }

            switch (node)
            {
                case IText text:
                    Append(text.Data, linkDepth > 0, preDepth > 0);
                    continue;
                case IElement element:
                    var name = element.LocalName;
                    if (element != root && (_skip(element) || IsHidden(element)))
                    {
                        continue;
                    }

                    if (name is "br" or "hr")
                    {
                        Flush();
                        continue;
                    }

                    if (name is "td" or "th")
                    {
                        _pendingSpace = true;
                    }

                    if (BlockTags.Contains(name))
                    {
                        Flush();
                    }

                    if (name == "a")
                    {
                        linkDepth++;
                    }
                    else if (name == "pre")
                    {
                        preDepth++;
                    }

                    stack.Push((element, true));
                    PushChildren(stack, element);
                    continue;
                case IDocument or IDocumentFragment:
                    PushChildren(stack, node);
                    continue;
            }
        }
    }

    private static void PushChildren(Stack<(INode, bool)> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    private void Append(string data, bool inLink, bool preformatted)
    {
        foreach (var c in data)
        {
            if (preformatted && c == '\n')
            {
                Flush();
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }

            if (_pendingSpace && _line.Length > 0)
            {
                _line.Append(' ');
            }

            _pendingSpace = false;
            _line.Append(c);
            _textChars++;
            if (inLink)
            {
                _linkChars++;
            }
        }
    }

    private void Flush()
    {
        _pendingSpace = false;
        if (_line.Length > 0)
        {
            _lines.Add(new HtmlLine(_line.ToString(), _linkChars, _textChars));
        }

        _line.Clear();
        _linkChars = 0;
        _textChars = 0;
    }
}
