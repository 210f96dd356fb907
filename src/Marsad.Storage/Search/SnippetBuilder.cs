using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Model;

namespace Marsad.Storage.Search;

/// <summary>
/// Picks the passage of a text that best shows why it matched, using the search analyzer's offsets (so وبالكتاب is
/// highlighted whole for the query كتاب). Rules:
/// <list type="bullet">
/// <item>the window of at most the given length that holds the most distinct query terms wins, then the most matches,
/// then the earliest;</item>
/// <item>the window starts a little before its first match, at a word boundary, and "…" marks a cut text;</item>
/// <item>with no match, the text's beginning is the snippet.</item>
/// </list>
/// </summary>
public static class SnippetBuilder
{
    private const string Ellipsis = "…";

    // At most this many matches are weighed; later ones cannot beat a window full of earlier ones by much.
    private const int MaxMatches = 512;

    public static Snippet Build(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms, int maxLength)
    {
        if (maxLength <= 0 || text.Length == 0)
        {
            return Snippet.Empty;
        }

        var matches = Matches(analyzer, field, text, terms);
        if (text.Length <= maxLength)
        {
            return new Snippet(text, matches.Select(m => m.Span).ToArray());
        }

        if (matches.Count == 0)
        {
            var cut = WordEnd(text, maxLength);
            return new Snippet(text[..cut].TrimEnd() + Ellipsis, []);
        }

        var (bestFirst, bestLast) = BestWindow(matches, maxLength);
        var span = matches[bestLast].Span.End - matches[bestFirst].Span.Start;

        // Lead with some context before the first match, as far as the window allows.
        var lead = Math.Min(Math.Max(0, maxLength - span) / 3, matches[bestFirst].Span.Start);
        var start = WordStart(text, matches[bestFirst].Span.Start - lead);
        var end = WordEnd(text, Math.Min(text.Length, start + maxLength));
        if (end < matches[bestLast].Span.End)
        {
            end = matches[bestLast].Span.End;
        }

        var prefix = start > 0 ? Ellipsis : "";
        var body = text[start..end];
        var highlights = matches
            .Where(m => m.Span.Start >= start && m.Span.End <= end)
            .Select(m => new TextSpan(m.Span.Start - start + prefix.Length, m.Span.End - start + prefix.Length))
            .ToArray();
        return new Snippet(prefix + body + (end < text.Length ? Ellipsis : ""), highlights, start - prefix.Length);
    }

    /// <summary>The spans of the text whose analyzed term is one of the query terms.</summary>
    public static List<(TextSpan Span, string Term)> Matches(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var matches = new List<(TextSpan, string)>();
        if (terms.Count == 0)
        {
            return matches;
        }

        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && matches.Count < MaxMatches)
        {
            var value = term.ToString();
            if (terms.Contains(value))
            {
                matches.Add((new TextSpan(offset.StartOffset, offset.EndOffset), value));
            }
        }

        stream.End();
        return matches;
    }

    private static (int First, int Last) BestWindow(List<(TextSpan Span, string Term)> matches, int maxLength)
    {
        var best = (First: 0, Last: 0);
        var bestDistinct = 0;
        var bestCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            seen.Clear();
            var j = i;
            for (; j < matches.Count && matches[j].Span.End - matches[i].Span.Start <= maxLength; j++)
            {
                seen.Add(matches[j].Term);
            }

            var last = Math.Max(i, j - 1);
            var count = last - i + 1;
            if (seen.Count > bestDistinct || (seen.Count == bestDistinct && count > bestCount))
            {
                best = (i, last);
                bestDistinct = seen.Count;
                bestCount = count;
            }
        }

        return best;
    }

    private static int WordStart(string text, int i)
    {
        i = Math.Clamp(i, 0, text.Length);
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static int WordEnd(string text, int i)
    {
        i = Math.Clamp(i, 0, text.Length);
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
