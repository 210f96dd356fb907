namespace Marsad.Ingest.Cleaning;

/// <summary>
/// Finds, inside an article, runs of other articles' headlines that a site inserts between two paragraphs as links
/// (BBC Arabic puts two or three). A subheading stands alone above its paragraph; a run of headlines does not. Rules:
/// <list type="bullet">
/// <item>a headline line has <see cref="CleanerOptions.HeadlineRunMinWords"/> to
/// <see cref="CleanerOptions.HeadlineRunMaxWords"/> words, no comma, no list marker, no leading conjunction (a list item
/// or a question of the text goes on with و), and does not end a statement
/// (a question mark may end it: many headlines ask);</item>
/// <item>at least two such lines follow each other, with a paragraph right above the run and right below it.</item>
/// </list>
/// Short lines in a row are also how lists and photo captions look: the cleaner removes runs only where the outlet shows
/// them in several of its articles (<see cref="TailEvidenceIndex"/>).
/// </summary>
public static class HeadlineRun
{
    /// <summary>The runs in <paramref name="lines"/>, as start index and length.</summary>
    public static List<(int Start, int Length)> Find(IReadOnlyList<(string Text, string Key, LineShape Shape)> lines, CleanerOptions options)
    {
        var runs = new List<(int, int)>();
        var i = 1;
        while (i < lines.Count)
        {
            if (!IsHeadline(lines[i], options) || !IsParagraph(lines[i - 1], options))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < lines.Count && IsHeadline(lines[end], options))
            {
                end++;
            }

            if (end - i >= 2 && end < lines.Count && IsParagraph(lines[end], options))
            {
                runs.Add((i, end - i));
            }

            i = end + 1;
        }

        return runs;
    }

    private static bool IsParagraph((string Text, string Key, LineShape Shape) line, CleanerOptions options) =>
        line.Shape.Words >= options.LongParagraphWords || (line.Shape.Words >= options.ParagraphMinWords && line.Shape.EndsSentence);

    private static bool IsHeadline((string Text, string Key, LineShape Shape) line, CleanerOptions options)
    {
        var (text, key, shape) = line;
        if (shape.Words < options.HeadlineRunMinWords || shape.Words > options.HeadlineRunMaxWords || text.AsSpan().IndexOfAny('،', ',') >= 0
            || StoryLeadRun.StartsWithConjunction(key))
        {
            return false;
        }

        var c = text[0];
        if (c is '-' or '–' or '—' or '•' or '*' or '·' || char.IsDigit(c))
        {
            return false;
        }

        var end = text.AsSpan().TrimEnd();
        while (!end.IsEmpty && end[^1] is '"' or '”' or '“' or '»' or '\'' or ')' or ']' or '’')
        {
            end = end[..^1].TrimEnd();
        }

        return !end.IsEmpty && end[^1] is not ('.' or '!' or ':' or '…' or '。');
    }
}
