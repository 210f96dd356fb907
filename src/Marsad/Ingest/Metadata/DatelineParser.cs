using System.Text.RegularExpressions;
using Marsad.Arabic;

namespace Marsad.Ingest.Metadata;

/// <summary>
/// Reads an explicit calendar date in a line: the dateline of an article. Rules (on the normalized line, so
/// Arabic-Indic digits and letter variants match):
/// <list type="bullet">
/// <item>day, month name, year: "24 يناير 2024", "24 كانون الثاني 2024", "5 يناير/كانون الثاني 2020", "24 جانفي، 2024";</item>
/// <item>month name, day, year: "يناير 24، 2024";</item>
/// <item>numbers: "2024/1/24", "2024-01-24" (year first) and "24/1/2024", "24-01-2024" (day first, the Arab order;
/// month first only when the day-first reading is impossible);</item>
/// <item>years 1900–2100 only (a Hijri year such as 1445 is not a Gregorian date), and the day must exist in the month.</item>
/// </list>
/// Weekday names are never used to infer a date.
/// </summary>
public sealed partial class DatelineParser
{
    private static readonly Lazy<DatelineParser> DefaultInstance = new(() => new DatelineParser(MonthNames.Default));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly MonthNames _months;
    private readonly Regex _named;
    private readonly Regex _monthFirst;

    public DatelineParser(MonthNames months)
    {
        _months = months;
        var m = months.Alternation();
        const string L = @"\p{L}";
        _named = new Regex(
            $@"(?<![{L}\d])(?<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?<m>{m})(?![{L}])(?:\s*[/\-(]\s*(?:{m})\s*\)?)?\s*[,،]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?<y>\d{{4}})(?!\d)",
            RegexOptions.CultureInvariant, Timeout);
        _monthFirst = new Regex(
            $@"(?<![{L}])(?<m>{m})\s+(?<d>\d{{1,2}})\s*[,،]\s*(?<y>\d{{4}})(?!\d)",
            RegexOptions.CultureInvariant, Timeout);
    }

    public static DatelineParser Default => DefaultInstance.Value;

    /// <summary>Finds the first valid date in <paramref name="line"/>; <paramref name="wordIndex"/> is the number of words before it.</summary>
    public bool TryFind(string line, out DateOnly date, out int wordIndex)
    {
        date = default;
        wordIndex = 0;
        var norm = ArabicNormalizer.Normalize(line);
        var best = -1;
        foreach (var candidate in Candidates(norm))
        {
            if (best < 0 || candidate.Index < best)
            {
                best = candidate.Index;
                date = candidate.Date;
            }
        }

        if (best < 0)
        {
            return false;
        }

        wordIndex = Marsad.Ingest.Cleaning.LineShape.Of(norm.AsSpan(0, best)).Words;
        return true;
    }

    public bool TryParse(string line, out DateOnly date) => TryFind(line, out date, out _);

    private IEnumerable<(int Index, DateOnly Date)> Candidates(string norm)
    {
        if (!norm.AsSpan().ContainsAnyInRange('0', '9'))
        {
            yield break;
        }

        var found = new List<(int, DateOnly)>();
        foreach (Match m in _named.Matches(norm))
        {
            if (Make(m.Groups["y"].Value, _months.Lookup(m.Groups["m"].Value), m.Groups["d"].Value) is { } d)
            {
                found.Add((m.Index, d));
                break;
            }
        }

        foreach (Match m in _monthFirst.Matches(norm))
        {
            if (Make(m.Groups["y"].Value, _months.Lookup(m.Groups["m"].Value), m.Groups["d"].Value) is { } d)
            {
                found.Add((m.Index, d));
                break;
            }
        }

        foreach (Match m in YearFirst().Matches(norm))
        {
            if (Make(m.Groups["y"].Value, int.Parse(m.Groups["mo"].Value), m.Groups["d"].Value) is { } d)
            {
                found.Add((m.Index, d));
                break;
            }
        }

        foreach (Match m in DayFirst().Matches(norm))
        {
            var day = m.Groups["d"].Value;
            var month = int.Parse(m.Groups["mo"].Value);
            var d = Make(m.Groups["y"].Value, month, day) ?? Make(m.Groups["y"].Value, int.Parse(day), month.ToString());
            if (d is not null)
            {
                found.Add((m.Index, d.Value));
                break;
            }
        }

        foreach (var f in found)
        {
            yield return f;
        }
    }

    private static DateOnly? Make(string year, int month, string day)
    {
        if (!int.TryParse(year, out var y) || !int.TryParse(day, out var d) || y is < 1900 or > 2100 || month is < 1 or > 12)
        {
            return null;
        }

        return d >= 1 && d <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, d) : null;
    }

    [GeneratedRegex(@"(?<![\d/.\-])(?<y>(?:19|20)\d{2})\s*[/\-.]\s*(?<mo>\d{1,2})\s*[/\-.]\s*(?<d>\d{1,2})(?![\d/.\-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})\s*[/\-.]\s*(?<mo>\d{1,2})\s*[/\-.]\s*(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex DayFirst();
}
