using System.Globalization;
using Marsad.Arabic;
using Marsad.Corpus;
using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Finds the deadlines a document gives: a cue of <c>data/ar/events/deadline-cues.tsv</c> ("بحلول"، "حتى"، "مهلة"،
/// "خلال") with the time expression right after it, resolved to a day: a date as it is (a month with MID/START/END as
/// its 15th, 5th, 25th; a bare month as a span of days), a duration after مهلة or خلال counted from the publication date
/// (never one that looks back, "خلال الأيام الماضية"). What the deadline is for is the content words before the cue in
/// its sentence (a few words back), stems without stop words.
/// </summary>
public sealed class DeadlineFinder(WordTable<string> cues)
{
    private const int Before = 10;

    private static readonly Lazy<DeadlineFinder> DefaultInstance = new(() => new DeadlineFinder(new WordTable<string>(
        TsvLexicon.ReadData("ar", "events", "deadline-cues.tsv").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], r[1])))));

    public static DeadlineFinder Default => DefaultInstance.Value;

    public IReadOnlyList<DeadlineMention> Find(Document d)
    {
        return [.. Deadlines(d)];
    }

    private IEnumerable<DeadlineMention> Deadlines(Document d)
    {
        if (!d.Has(Layers.Tokens) || !d.Has(Layers.Times) || !d.Has(Layers.Sentences))
        {
            yield break;
        }

        var normalized = d.TryGet(Layers.Normalized, out var n) ? n.Text : d.Text;
        var tokens = d.Get(Layers.Tokens);
        var view = new TokenView(normalized, tokens, d.Get(Layers.Segments));
        var times = d.Get(Layers.Times);
        var stop = StopWords.Default;
        int sentenceStart;
        var sentences = d.Get(Layers.Sentences);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !(cues.TryGet(view.Stem(i), out var kind) || cues.TryGet(view.Form(i), out kind)))
            {
                continue;
            }

            sentenceStart = 0;
            foreach (var s in sentences)
            {
                sentenceStart = s.Span.Start <= tokens[i].Span.Start ? s.Span.Start : sentenceStart;
            }

            var reach = i + 2 < tokens.Count ? tokens[i + 2].Span.End : tokens[i].Span.End + 1;
            var time = times.FirstOrDefault(t => t.Span.Start > tokens[i].Span.Start && t.Span.Start <= reach);
            // "خلال الأيام الثلاثة الماضية" looks back: no deadline.
            if (time is null || Resolve(time, kind, d.Published) is not { } range || (time.Kind == TimeKind.Duration && LooksBack(normalized, time.Span)))
            {
                continue;
            }

            var words = new List<string>();
            var first = -1;
            for (var k = i - 1; k >= 0 && k >= i - Before && tokens[k].Span.Start >= sentenceStart; k--)
            {
                var stem = view.Stem(k);
                if (tokens[k].Kind == TokenKind.Word && stem.Length >= 3 && !stop.Contains(stem) && !stop.Contains(view.Form(k)))
                {
                    words.Add(stem.ToString());
                    first = k;
                }
            }

            if (first < 0)
            {
                continue;
            }

            // What the deadline is for, as the outlet words it: from the word before the first content word to the cue.
            var from = first > 0 && tokens[first - 1].Kind == TokenKind.Word && tokens[first - 1].Span.Start >= sentenceStart ? first - 1 : first;
            var topic = d.Text[tokens[from].Span.Start..tokens[i - 1].Span.End];
            var span = new TextSpan(tokens[i].Span.Start, time.Span.End);
            yield return new DeadlineMention(span, span.Of(d.Text), range.Value, range.First, range.Last, words, topic);
        }
    }

    /// <summary>The first and last day a deadline may fall on, and its value; null when it names no day.</summary>
    private static (DateOnly First, DateOnly Last, string Value)? Resolve(TimeMention time, string kind, DateOnly? published)
    {
        var v = time.Value;
        if (v is null)
        {
            return null;
        }

        if (time.Kind == TimeKind.Duration)
        {
            if (kind is not ("deadline" or "within") || published is not { } p || DurationDays.Of(v, months: true) is not { } days)
            {
                return null;
            }

            var day = p.AddDays(days);
            return (day, day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (kind == "within" || time.Kind is not (TimeKind.Date or TimeKind.Time))
        {
            return null;
        }

        var cut = v.IndexOf('T', StringComparison.Ordinal);
        v = cut > 0 ? v[..cut] : v;
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, date, v);
        }

        if (!DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return null;
        }

        // "منتصف الشهر الجاري": the middle of the month.
        int? at = time.Mod switch { "MID" => 15, "START" => 5, "END" => 25, _ => null };
        return at is { } d
            ? (month.AddDays(d - 1), month.AddDays(d - 1), v + "-" + d.ToString("00", CultureInfo.InvariantCulture))
            : (month, month.AddMonths(1).AddDays(-1), v);
    }

    /// <summary>The duration's own words or the word after it look back ("الأيام الثلاثة الماضية"، "الأشهر الأخيرة").</summary>
    private static bool LooksBack(string normalized, TextSpan span)
    {
        var end = Math.Min(span.End, normalized.Length);
        var words = normalized.AsSpan(Math.Min(span.Start, end), end - Math.Min(span.Start, end));
        var next = normalized.AsSpan(end).TrimStart();
        var space = next.IndexOfAny(' ', '\u00A0');
        return BackWord(words) || BackWord(space > 0 ? next[..space] : next);
    }

    private static bool BackWord(ReadOnlySpan<char> text) =>
        text.Contains("الماضي", StringComparison.Ordinal) || text.Contains("الاخير", StringComparison.Ordinal)
        || text.Contains("المنصرم", StringComparison.Ordinal);
}
