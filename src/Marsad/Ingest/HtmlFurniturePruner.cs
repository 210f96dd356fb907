using AngleSharp.Dom;

namespace Marsad.Ingest;

/// <summary>
/// Removes page furniture from a parsed page by its structure, before the main content is chosen: what surrounds an
/// article on a real page is lists of links, repeated teaser cards, form widgets and their labels, whatever the outlet
/// names its classes or writes in its headings. Rules, in order:
/// <list type="number">
/// <item>link blocks: a block whose visible text is mostly link text (<see cref="MaxLinkDensity"/>) goes whole
/// (menus, tag clouds, "most read" lists, share bars, an inline "read also" line), unless it holds a prose line of its
/// own (it is then judged child by child) or the headline;</item>
/// <item>teaser runs: two or more consecutive siblings of the same tag and class (digits ignored), each short
/// (<see cref="MaxTeaserWords"/>) and each holding a line that is mostly link text, are a list of other articles
/// (title, summary, date) and go;</item>
/// <item>form widgets: around a form control (newsletter box, comment form, poll) the largest block of at most
/// <see cref="MaxWidgetWords"/> words goes;</item>
/// <item>labels: the heading-like line just above a removed block (at most <see cref="MaxLabelWords"/> words, no
/// sentence end) goes with it, when it ends with a colon or no prose follows the block: "الأكثر قراءة" over a
/// list is the list's title whatever its words; a container left without text goes too, and its label.</item>
/// </list>
/// Every walk uses an explicit stack, so any nesting depth is safe.
/// </summary>
internal static class HtmlFurniturePruner
{
    /// <summary>A block where more than this share of the text is link text is navigation, not prose.</summary>
    public const double MaxLinkDensity = HtmlArticleExtractor.MaxLinkDensity;

    /// <summary>A teaser card (title, summary, date) is at most this long.</summary>
    public const int MaxTeaserWords = 80;

    /// <summary>A templated list repeats a pattern of at most this many siblings (title, summary, date).</summary>
    public const int MaxPeriod = 3;

    /// <summary>A form widget's text (title, prompt, labels) is at most this long.</summary>
    public const int MaxWidgetWords = 40;

    /// <summary>A list's heading is at most this long.</summary>
    public const int MaxLabelWords = 6;

    /// <summary>A prose line has at least this many words and ends a sentence, or <see cref="LongLineWords"/> words.</summary>
    private const int ProseWords = 10;

    private const int LongLineWords = 25;

    private const int LinkedProseWords = 35;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "p", "ul", "ol", "li", "dl", "dt", "dd", "section", "aside", "nav", "header", "footer", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "form",
        "fieldset", "menu", "center", "article", "address",
    };

    private static readonly HashSet<string> Never = new(StringComparer.OrdinalIgnoreCase) { "html", "body", "main", "h1" };

    /// <summary>
    /// Removes the furniture of <paramref name="document"/> in place. Returns false when the article's own paragraphs
    /// are mostly link text (an unclosed &lt;a&gt; repeated into every paragraph by the parser): link density says
    /// nothing there, and the paragraphs were left alone.
    /// </summary>
    public static bool Prune(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return true;
        }

        var stats = Measure(body);
        var main = MainContainer(stats);
        var linksMeanLinks = main is null || !stats.TryGetValue(main, out var m) || m.LinkChars * 2 <= m.Chars;
        var removed = new List<Removed>();
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (!linksMeanLinks && element == main)
            {
                continue;
            }

            if (IsLinkBlock(element, stats))
            {
                removed.Add(Remove(element));
                continue;
            }

            var children = element.Children.ToArray();
            var gone = RemoveTeaserRuns(children, stats, removed, flat: element != main);
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (!gone.Contains(children[i]))
                {
                    stack.Push(children[i]);
                }
            }
        }

        RemoveWidgets(body, removed);
        RemoveLabels(removed);
        return linksMeanLinks;
    }

    private static bool IsLinkBlock(IElement element, Dictionary<IElement, TextStats> stats)
    {
        if (!Blocks.Contains(element.LocalName) || !stats.TryGetValue(element, out var s) || s.Chars == 0
            || (double)s.LinkChars / s.Chars <= MaxLinkDensity || s.HasHeadline)
        {
            return false;
        }

        // A container that holds prose besides its links is judged child by child.
        return !HtmlLineWriter.Write(element, Skip).Exists(IsProse);
    }

    /// <summary>
    /// Templated lists among <paramref name="children"/>: consecutive periods of one to <see cref="MaxPeriod"/>
    /// siblings with the same tags and classes ("card card", or flat "h3 p h3 p h3 p"), each period short and holding a
    /// block that is mostly link text (a teaser's title); two cards make a list, a flat list needs three periods and is
    /// never looked for among the article's own paragraphs, where "p p (read also)" may repeat by chance.
    /// </summary>
    private static HashSet<IElement> RemoveTeaserRuns(IElement[] children, Dictionary<IElement, TextStats> stats, List<Removed> removed, bool flat)
    {
        var gone = new HashSet<IElement>();
        if (children.Length < 2)
        {
            return gone;
        }

        var signatures = Array.ConvertAll(children, Signature);
        for (var i = 1; i < children.Length; i++)
        {
            // Text between two siblings makes them words of one line (links inside a paragraph), not list items.
            if (TextBefore(children[i]))
            {
                signatures[i] = "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        for (var period = 1; period <= (flat ? MaxPeriod : 1); period++)
        {
            var start = 0;
            while (start + (2 * period) <= children.Length)
            {
                if (gone.Contains(children[start]))
                {
                    start++;
                    continue;
                }

                var end = start + period;
                while (end < children.Length && signatures[end] == signatures[end - period] && !gone.Contains(children[end]))
                {
                    end++;
                }

                var periods = (end - start) / period;
                if (periods >= (period == 1 ? 2 : 3) && Enumerable.Range(0, periods).All(k => IsTeaser(children.AsSpan(start + (k * period), period).ToArray(), stats)))
                {
                    for (var i = start; i < start + (periods * period); i++)
                    {
                        removed.Add(Remove(children[i]));
                        gone.Add(children[i]);
                    }

                    start += periods * period;
                }
                else
                {
                    start++;
                }
            }
        }

        return gone;
    }

    /// <summary>True when the siblings of one period are short, without the headline, and hold a line of link text.</summary>
    private static bool IsTeaser(IElement[] period, Dictionary<IElement, TextStats> stats)
    {
        var sum = default(TextStats);
        foreach (var element in period)
        {
            sum += stats.GetValueOrDefault(element);
        }

        // The title line must be a block of its own: an inline link's text alone says nothing of its line.
        return sum.LinkChars > 0 && sum.Words <= MaxTeaserWords && !sum.HasHeadline
            && Array.Exists(period, e => Blocks.Contains(e.LocalName) && HtmlLineWriter.Write(e, Skip).Exists(l => l.LinkDensity > MaxLinkDensity && l.TextChars >= 10));
    }

    private static bool TextBefore(IElement element)
    {
        for (var node = element.PreviousSibling; node is not null and not IElement; node = node.PreviousSibling)
        {
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tag and class with digits dropped ("views-row views-row-3" is "views-row views-row-").</summary>
    private static string Signature(IElement element)
    {
        var classes = element.GetAttribute("class");
        return classes is null ? element.LocalName : element.LocalName + "." + new string([.. classes.Where(c => !char.IsDigit(c))]);
    }

    private static void RemoveWidgets(IElement body, List<Removed> removed)
    {
        foreach (var control in body.QuerySelectorAll("input, textarea, select, button, form").ToArray())
        {
            // A form may wrap a whole page (ASP.NET): only a small widget around a control goes.
            if (string.Equals(control.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase)
                || !body.Contains(control) || WordCount(control) > MaxWidgetWords)
            {
                continue;
            }

            IElement widget = control;
            for (var up = control.ParentElement; up is not null && !Never.Contains(up.LocalName) && WordCount(up) <= MaxWidgetWords; up = up.ParentElement)
            {
                widget = up;
            }

            removed.Add(Remove(widget));
        }
    }

    private static void RemoveLabels(List<Removed> removed)
    {
        var queue = new Queue<Removed>(removed);
        while (queue.Count > 0)
        {
            var gone = queue.Dequeue();

            // A sibling above that went too (an earlier member of the same run) has had its own label looked at.
            var label = gone.Previous;
            if (label is not null && label.Parent is not null && label.Parent == gone.Parent && IsLabel(label)
                && (EndsWithColon(label) || !ProseFollows(label)))
            {
                queue.Enqueue(Remove(label));
            }

            if (gone.Parent is IElement parent && parent.Parent is not null && !Never.Contains(parent.LocalName)
                && string.IsNullOrWhiteSpace(parent.TextContent))
            {
                queue.Enqueue(Remove(parent));
            }
        }
    }

    private static bool IsLabel(IElement element)
    {
        if (Never.Contains(element.LocalName) || element.QuerySelector("h1") is not null)
        {
            return false;
        }

        var lines = HtmlLineWriter.Write(element, Skip);
        if (lines.Count != 1)
        {
            return false;
        }

        var text = lines[0].Text.AsSpan().TrimEnd();
        var words = WordCount(lines[0].Text);
        return words is > 0 and <= MaxLabelWords && (text[^1] == ':' || !Cleaning.LineShape.EndsWithSentencePunctuation(text));
    }

    private static bool EndsWithColon(IElement element) => element.TextContent.AsSpan().TrimEnd() is [.., ':'];

    /// <summary>True when the first sibling with text after <paramref name="label"/> opens with a prose line (a subheading's paragraph).</summary>
    private static bool ProseFollows(IElement label)
    {
        for (var e = label.NextElementSibling; e is not null; e = e.NextElementSibling)
        {
            var lines = HtmlLineWriter.Write(e, Skip);
            if (lines.Count > 0)
            {
                return IsProse(lines[0]);
            }
        }

        return false;
    }

    /// <summary>
    /// A line of the article's prose: mostly not link text, and long or a sentence. A line longer than any link title
    /// is prose even when linked: broken markup (an unclosed &lt;a&gt;) may make whole paragraphs link text.
    /// </summary>
    internal static bool IsProse(HtmlLine line)
    {
        var words = WordCount(line.Text);
        if (words >= LinkedProseWords)
        {
            return true;
        }

        return line.LinkDensity <= MaxLinkDensity
            && (words >= LongLineWords || (words >= ProseWords && Cleaning.LineShape.EndsWithSentencePunctuation(line.Text)));
    }

    private static Removed Remove(IElement element)
    {
        var removed = new Removed(element.PreviousElementSibling, element.Parent);
        element.Remove();
        return removed;
    }

    private static bool Skip(IElement element) => HtmlLineWriter.NonTextTags.Contains(element.LocalName);

    private static int WordCount(IElement element) => WordCount(element.TextContent);

    internal static int WordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    /// <summary>
    /// The element that holds the article's paragraphs: the parent of the most prose paragraph text (or the block
    /// holding it as bare text lines, as old pages write an article with &lt;br&gt;).
    /// </summary>
    private static IElement? MainContainer(Dictionary<IElement, TextStats> stats)
    {
        var scores = new Dictionary<IElement, int>();
        foreach (var (element, s) in stats)
        {
            if (element.LocalName == "p" && s.Words >= ProseWords && element.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + s.Chars;
            }
            else if (Blocks.Contains(element.LocalName))
            {
                var direct = element.ChildNodes.OfType<IText>().Sum(t => WordCount(t.Data) >= ProseWords ? t.Data.Length : 0);
                if (direct > 0)
                {
                    scores[element] = scores.GetValueOrDefault(element) + direct;
                }
            }
        }

        return scores.Count == 0 ? null : scores.MaxBy(p => p.Value).Key;
    }

    /// <summary>Visible characters, link characters and words under every element, in one walk from the leaves up.</summary>
    private static Dictionary<IElement, TextStats> Measure(IElement root)
    {
        var stats = new Dictionary<IElement, TextStats>();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is not IElement element)
            {
                continue;
            }

            if (!exit)
            {
                if (Skip(element) || HtmlLineWriter.IsHidden(element))
                {
                    continue;
                }

                stack.Push((element, true));
                foreach (var child in element.ChildNodes)
                {
                    if (child is IElement)
                    {
                        stack.Push((child, false));
                    }
                }

                continue;
            }

            var sum = default(TextStats);
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    var chars = text.Data.Count(c => !char.IsWhiteSpace(c));
                    sum += new TextStats(chars, 0, WordCount(text.Data), false);
                }
                else if (child is IElement e && stats.TryGetValue(e, out var s))
                {
                    sum += s;
                }
            }

            if (element.LocalName == "a")
            {
                sum = sum with { LinkChars = sum.Chars };
            }
            else if (element.LocalName == "h1")
            {
                sum = sum with { HasHeadline = true };
            }

            stats[element] = sum;
        }

        return stats;
    }

    private readonly record struct TextStats(int Chars, int LinkChars, int Words, bool HasHeadline)
    {
        public static TextStats operator +(TextStats a, TextStats b) =>
            new(a.Chars + b.Chars, a.LinkChars + b.LinkChars, a.Words + b.Words, a.HasHeadline || b.HasHeadline);
    }

    /// <summary>Where a removed element stood: its neighbours and parent at the time.</summary>
    private sealed record Removed(IElement? Previous, INode? Parent);
}
