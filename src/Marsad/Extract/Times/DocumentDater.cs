using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// Infers a document's publication date from its text alone. Rules, in order:
/// <list type="bullet">
/// <item>a dateline: a line near the top that holds nothing but a full date (and maybe a weekday or a clock time);</item>
/// <item>otherwise, "today" cues — a deictic with a weekday ("اليوم الخميس", "يوم أمس الأربعاء" → the day after a
/// Wednesday) — are matched against the calendar dates the text gives. A day qualifies only when the calendar
/// corroborates it: a deictic stands beside its own date, or a date of the text falls on the day a deictic names
/// (the Wednesday of "أمس الأربعاء" is a date the text gives) and a second cue or a second date within two weeks
/// agrees. Each qualifying day within
/// <see cref="TimeOptions.SearchDays"/> of such a date scores two points per cue whose weekday fits, two points per
/// deictic written beside its own date ("اليوم (25 كانون الثاني 2024)"), one point when a relative year beside an
/// explicit one agrees ("العام الماضي" next to 2020 → 2021), and loses a point per explicit date after it (news
/// rarely reports a later date); ties go to the day closest after the latest date of the text;</item>
/// <item>a deictic beside a date that contradicts its weekday dates the text only when another cue agrees with the
/// date (one of the two is a slip, and nothing says which);</item>
/// <item>a date without a year takes the latest year the text gives, and counts only within two weeks of a date
/// that gives its year;</item>
/// <item>the date is never before a full date the text gives, nor before a year it names (news does not name the years after it is written, so a
/// corroborating date in an earlier year is history: a birth date, an old treaty);</item>
/// <item>with no cue or no calendar date (a bare "الجمعة") the text cannot fix the date: null.</item>
/// </list>
/// </summary>
public sealed class DocumentDater
{
    private static readonly Lazy<DocumentDater> DefaultDater = new(() => new DocumentDater(TimeLexicon.Default, new TimeOptions()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TimeLexicon _lex;
    private readonly TimeOptions _options;
    private readonly TimeResolver _resolver;

    public DocumentDater(TimeLexicon lexicon, TimeOptions options)
    {
        _lex = lexicon;
        _options = options;
        _resolver = new TimeResolver(lexicon);
    }

    public static DocumentDater Default => DefaultDater.Value;

    /// <summary>The publication date the text gives, or null when the text alone cannot fix it.</summary>
    public PublishedDate? Infer(string text, IReadOnlyList<TimeExpression> expressions)
    {
        var dateline = Dateline(text, expressions);
        if (dateline is not null)
        {
            return dateline;
        }

        var latestYear = expressions.Where(e => e is { Year: not null, Hijri: false, Unit: null }).Select(e => e.Year!.Value).DefaultIfEmpty().Max();
        var dates = new List<DateOnly>();
        var yearless = new List<DateOnly>();
        var dateOf = new Dictionary<int, DateOnly>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            if (e.Day is null || e.Month is null || e.Weekday is not null)
            {
                continue;
            }

            var d = e.Year is null && latestYear > 0 && !e.Hijri ? Safe(latestYear, e.Month.Value, e.Day.Value) : _resolver.ToDate(e, null);
            if (d is not null)
            {
                (e.Year is null ? yearless : dates).Add(d.Value);
                dateOf[i] = d.Value;
            }
        }

        var pairs = TimeAppositions.Find(text, expressions, _lex);
        var apposed = new Dictionary<int, int>();
        foreach (var p in pairs)
        {
            apposed[p.Weekday] = p.Date;
        }

        var cues = new List<(int Offset, DayOfWeek Weekday)>();
        var dated = new List<(DateOnly Date, bool WeekdayFits)>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            if (e.DayOffset is not { } offset || e.Weekday is not { } weekday || e.Kind == TimeKind.Set)
            {
                continue;
            }

            if (apposed.TryGetValue(i, out var di) && dateOf.TryGetValue(di, out var own))
            {
                dated.Add((own.AddDays(-offset), own.DayOfWeek == weekday));
            }
            else
            {
                cues.Add((offset, weekday));
            }
        }

        // A date without a year borrows the latest year of the text; trust that only near a date that gives one.
        dates.AddRange(yearless.Where(y => dates.Any(d => Math.Abs(d.DayNumber - y.DayNumber) <= 14)));
        if (cues.Count + dated.Count == 0 || dates.Count == 0)
        {
            return null;
        }

        var years = YearVotes(text, expressions);
        var latest = dates.Max();
        DateOnly? best = null;
        var bestScore = int.MinValue;
        var bestDistance = int.MaxValue;
        foreach (var candidate in dates.SelectMany(d => Enumerable.Range(-_options.SearchDays, (2 * _options.SearchDays) + 1).Select(d.AddDays)).Distinct())
        {
            var votes = 0;
            foreach (var (offset, weekday) in cues)
            {
                votes += candidate.AddDays(offset).DayOfWeek == weekday ? 2 : 0;
            }

            foreach (var d in dated)
            {
                votes += d.Date == candidate ? 2 : 0;
            }

            // A weekday alone fits one day a week: the candidate must be tied to the calendar by a deictic written
            // beside its date, or by a date of the text that falls on the day a deictic names ("أمس الأربعاء" and
            // a Wednesday "السابع من أبريل").
            // A single weekday that happens to fall on a date of the text is a one-in-seven coincidence, so a
            // date the text gives must be backed by a second agreeing cue or a second nearby date.
            var agreeing = cues.Count(c => candidate.AddDays(c.Offset).DayOfWeek == c.Weekday);
            // A deictic beside a date that contradicts its own weekday ("اليوم السبت 07 جانفي 2016", a Thursday)
            // is a slip in one of the two: it dates the text only when another cue agrees with the date.
            var corroborated = dated.Any(d => d.Date == candidate && (d.WeekdayFits || agreeing > 0))
                || cues.Any(c => candidate.AddDays(c.Offset) is var day && day.DayOfWeek == c.Weekday && dates.Contains(day))
                && (agreeing >= 2 || dates.Count(d => d <= candidate && candidate.DayNumber - d.DayNumber <= 14) >= 2);
            if (votes == 0 || !corroborated || candidate.Year < latestYear || candidate < latest)
            {
                continue;
            }

            var score = votes + years.Count(y => y == candidate.Year) - dates.Count(d => d > candidate);
            var distance = candidate >= latest ? candidate.DayNumber - latest.DayNumber : 1000 + latest.DayNumber - candidate.DayNumber;
            if (score > bestScore || score == bestScore && distance < bestDistance)
            {
                best = candidate;
                bestScore = score;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            return null;
        }

        return new PublishedDate(best.Value, PublishedFrom.Text,
            $"{cues.Count + dated.Count} day deictic(s) with a weekday matched against {dates.Count} calendar date(s) of the text (latest {TimeResolver.Iso(latest)})");
    }

    private PublishedDate? Dateline(string text, IReadOnlyList<TimeExpression> expressions)
    {
        var lineStart = 0;
        var lines = 0;
        while (lineStart < text.Length && lines < _options.DatelineLines)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (!text.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace())
            {
                lines++;
                DateOnly? date = null;
                var letters = false;
                var pos = lineStart;
                foreach (var e in expressions)
                {
                    if (e.Span.Start < lineStart || e.Span.End > lineEnd)
                    {
                        continue;
                    }

                    letters |= HasLetter(text.AsSpan(pos, e.Span.Start - pos));
                    pos = e.Span.End;
                    if (e.IsFullDate && date is null)
                    {
                        date = _resolver.ToDate(e, null);
                    }
                }

                letters |= HasLetter(text.AsSpan(pos, lineEnd - pos));
                if (date is not null && !letters)
                {
                    return new PublishedDate(date.Value, PublishedFrom.Text, "dateline: a line that holds only a date");
                }
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    /// <summary>Publication years implied by a relative year next to an explicit one in the same line ("مطلع العام الماضي … 2020").</summary>
    private static List<int> YearVotes(string text, IReadOnlyList<TimeExpression> expressions)
    {
        var votes = new List<int>();
        foreach (var rel in expressions)
        {
            if (rel.Unit != TimeUnit.Year || rel.Kind != TimeKind.Date || rel.Ago)
            {
                continue;
            }

            var delta = rel.Relation switch
            {
                TimeRelation.Past => -1,
                TimeRelation.Next => 1,
                _ => 0,
            };
            foreach (var year in expressions)
            {
                if (year.Year is null || year.Hijri || year.Unit is not null || Math.Abs(year.Span.Start - rel.Span.Start) > 120)
                {
                    continue;
                }

                var from = Math.Min(year.Span.End, rel.Span.End);
                var to = Math.Max(year.Span.Start, rel.Span.Start);
                if (to > from && text.AsSpan(from, to - from).Contains('\n'))
                {
                    continue;
                }

                votes.Add(year.Year.Value - delta);
            }
        }

        return votes;
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static DateOnly? Safe(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
