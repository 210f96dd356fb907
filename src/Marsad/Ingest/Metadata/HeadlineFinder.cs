using Marsad.Ingest.Cleaning;

namespace Marsad.Ingest.Metadata;

/// <summary>
/// Picks the headline among the lines above an article's first paragraph (the header zone, boilerplate already
/// taken out). Rules:
/// <list type="bullet">
/// <item>a headline-shaped line has 3 to <see cref="CleanerOptions.HeadlineMaxWords"/> words, no final full stop or colon,
/// mostly Arabic letters, at most one comma (none beyond 20 words: a long line of clauses is a lead sentence that lost
/// its full stop), and is neither a dateline nor a byline ("بقلم …", a name and a place around a dash);</item>
/// <item>the first headline-shaped line is the headline, unless it is short (a kicker, at most
/// <see cref="CleanerOptions.KickerMaxWords"/> words) and the very next line is a longer, different headline-shaped
/// line: then that one is the headline and the kicker stays as content;</item>
/// <item>no headline-shaped line, no headline: a lead sentence ending with a full stop is body.</item>
/// </list>
/// </summary>
public sealed class HeadlineFinder
{
    private readonly CleanerOptions _options;
    private readonly DatelineParser _dates;
    private readonly BoilerplateLexicon _lexicon;

    public HeadlineFinder(CleanerOptions options, DatelineParser dates, BoilerplateLexicon lexicon)
    {
        _options = options;
        _dates = dates;
        _lexicon = lexicon;
    }

    /// <summary>The index of the headline in <paramref name="headerLines"/>, or -1.</summary>
    public int Find(IReadOnlyList<string> headerLines)
    {
        for (var i = 0; i < headerLines.Count; i++)
        {
            if (!IsHeadlineShaped(headerLines[i], out var words))
            {
                continue;
            }

            if (words <= _options.KickerMaxWords && i + 1 < headerLines.Count
                && IsHeadlineShaped(headerLines[i + 1], out var nextWords) && nextWords > words
                && LineKey.Of(headerLines[i + 1]) != LineKey.Of(headerLines[i]))
            {
                return i + 1;
            }

            return i;
        }

        return -1;
    }

    public bool IsHeadlineShaped(string line, out int words)
    {
        var shape = LineShape.Of(line);
        words = shape.Words;
        if (shape.Words < 3 || shape.Words > _options.HeadlineMaxWords || shape.LatinShare > 0.5 || shape.Letters == 0)
        {
            return false;
        }

        var trimmed = line.AsSpan().TrimEnd();
        while (!trimmed.IsEmpty && trimmed[^1] is '"' or '”' or '»' or '\'')
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        if (trimmed.IsEmpty || trimmed[^1] is '.' or ':' or '،' or ',')
        {
            return false;
        }

        // "عين اليوم – جدة", "أحمد علي - الباحة": a few words around a dash are a byline, not a headline.
        if (shape.Words <= 5 && line.AsSpan().IndexOfAny("-–—") >= 0)
        {
            return false;
        }

        var commas = line.AsSpan().Count('،') + line.AsSpan().Count(',');
        if (commas > 1 || (commas == 1 && shape.Words > 20))
        {
            return false;
        }

        return !_lexicon.StartsLikeByline(LineKey.Of(line)) && !(shape.Words <= _options.DatelineMaxWords && _dates.TryParse(line, out _));
    }
}
