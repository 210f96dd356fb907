using Marsad.Arabic;
using Marsad.Extract.Times;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// Finds, at the tail of an article, a run of teasers of other stories: the opening paragraphs of other articles that
/// a site's "more news" block appends after the text (CNN Arabic shows five). A teaser opens its own story, so it reads
/// like a news lead, not like a continuation of what precedes it. Rules, for the paragraphs from the end backwards:
/// <list type="bullet">
/// <item>each has at least <see cref="CleanerOptions.StoryLeadMinWords"/> words and at most
/// <see cref="CleanerOptions.StoryLeadMaxChars"/> characters (blocks cut their teasers to a fixed length);</item>
/// <item>none continues the text: no leading conjunction clitic (و، ف), no discourse connective closed by a comma in
/// its first two words ("بدوره،"), no list marker, no date line;</item>
/// <item>the run starts at its first paragraph that carries a lead's mark: a weekday among its first words (the news
/// lead's "…، الخميس، …") or an end cut mid-sentence in a long line (<see cref="CleanerOptions.StoryLeadCutMinChars"/>); at least <see cref="CleanerOptions.StoryLeadMinRun"/> paragraphs
/// and two such marks, one of them a weekday (lines cut short alone may be a list);</item>
/// <item>the article keeps its first two paragraphs whatever follows.</item>
/// </list>
/// One article alone rarely proves the block: the cleaner removes a run only where the outlet shows it in several of
/// its articles (<see cref="TailEvidenceIndex"/>).
/// </summary>
public static class StoryLeadRun
{
    private const int WeekdayWindow = 15;

    private static readonly Lazy<HashSet<string>> Weekdays = new(() =>
        TimeLexicon.Default.Weekdays.Keys.Where(k => k.StartsWith("ال", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));

    /// <summary>The index in <paramref name="paragraphs"/> where the teaser run starts, or -1.</summary>
    public static int Find(IReadOnlyList<(string Text, string Key, LineShape Shape)> paragraphs, CleanerOptions options)
    {
        var start = paragraphs.Count;
        while (start - 1 >= 2 && IsLeadLike(paragraphs[start - 1], options))
        {
            start--;
        }

        while (start < paragraphs.Count && !HasLeadMark(paragraphs[start], options))
        {
            start++;
        }

        var run = paragraphs.Count - start;
        if (run < options.StoryLeadMinRun)
        {
            return -1;
        }

        var marks = 0;
        var weekdays = 0;
        for (var i = start; i < paragraphs.Count; i++)
        {
            marks += HasLeadMark(paragraphs[i], options) ? 1 : 0;
            weekdays += NamesAWeekday(paragraphs[i].Key) ? 1 : 0;
        }

        // Lines cut short alone may be a list ("on this day" events); a lead that dates its story by weekday is news.
        return marks >= 2 && weekdays >= 1 ? start : -1;
    }

    private static bool IsLeadLike((string Text, string Key, LineShape Shape) p, CleanerOptions options)
    {
        if (p.Shape.Words < options.StoryLeadMinWords || p.Text.Length > options.StoryLeadMaxChars || p.Key.Length == 0)
        {
            return false;
        }

        var c = p.Text[0];
        if (c is '-' or '–' or '—' or '•' or '*' or '·' || char.IsDigit(c))
        {
            return false;
        }

        return !StartsWithConjunction(p.Key) && !CommaInFirstWords(p.Text, 2);
    }

    /// <summary>The line's first word carries the conjunction clitic و or ف ("وقال", "وبوتين"): it goes on from what
    /// precedes. The clitic segmenter tells a clitic from a word's own first letter (وفد، وزير، فرنسا).</summary>
    internal static bool StartsWithConjunction(string key)
    {
        var firstWord = key.AsSpan();
        var space = firstWord.IndexOf(' ');
        if (space > 0)
        {
            firstWord = firstWord[..space];
        }

        return firstWord.Length >= 3 && firstWord[0] is 'و' or 'ف' && CliticSegmenter.Default.Segment(firstWord).PrefixLength > 0;
    }

    private static bool CommaInFirstWords(string text, int words)
    {
        var seen = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            if (word[^1] is '،' or ',')
            {
                return true;
            }

            if (++seen >= words)
            {
                return false;
            }
        }

        return false;
    }

    // A teaser cut mid-sentence is long; a short line without a full stop is more likely a list item or a headline.
    private static bool HasLeadMark((string Text, string Key, LineShape Shape) p, CleanerOptions options) =>
        (!p.Shape.EndsSentence && p.Text.Length >= options.StoryLeadCutMinChars) || NamesAWeekday(p.Key);

    private static bool NamesAWeekday(string key)
    {
        var seen = 0;
        foreach (var range in key.AsSpan().Split(' '))
        {
            if (Weekdays.Value.Contains(key[range]))
            {
                return true;
            }

            if (++seen >= WeekdayWindow)
            {
                break;
            }
        }

        return false;
    }
}
