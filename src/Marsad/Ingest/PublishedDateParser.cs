using System.Globalization;
using System.Text.RegularExpressions;

namespace Marsad.Ingest;

/// <summary>
/// Reads a publication date from the forms metadata uses. Rules:
/// <list type="bullet">
/// <item>ISO 8601 and its relatives: <c>2018-02-14</c>, <c>2018-02-14T12:00:00+03:00</c>, <c>2018-02-14 12:00:00</c>,
/// <c>2018/02/14</c>, with an optional time, fraction and zone (Z, ±hh:mm, ±hhmm, or a zone name);</item>
/// <item>day first with a four-digit year: <c>14/02/2018</c>, <c>14-02-2018 12:00</c> (the order used across the Arab world);</item>
/// <item>RFC 822 / RFC 1123: <c>Wed, 14 Feb 2018 12:00:00 +0300</c>, two-digit years, any alphabetic zone name
/// (GMT, AST, EET, EEST, GST, IRST, MSK, TRT…); also <c>Feb 14, 2018</c> and <c>14 February 2018</c>;</item>
/// <item>a Unix time stamp (10 digits: seconds, 13 digits: milliseconds), read in UTC;</item>
/// <item>Arabic-Indic and Persian digits count as ASCII digits.</item>
/// </list>
/// The date is the calendar date as written, in the publisher's own zone: a time zone never moves it to
/// another day, since the day the outlet printed is the one its text refers to. Years outside 1900–2100 are rejected.
/// </summary>
public static partial class PublishedDateParser
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateOnly? Parse(string? value) => TryParse(value, out var date) ? date : null;

    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return false;
        }

        var text = AsciiDigits(value.Trim());
        try
        {
            if (IsoDate().Match(text) is { Success: true } iso)
            {
                return Build(iso.Groups["y"].Value, Number(iso.Groups["m"].Value), iso.Groups["d"].Value, out date);
            }

            if (DayFirstDate().Match(text) is { Success: true } dayFirst)
            {
                return Build(dayFirst.Groups["y"].Value, Number(dayFirst.Groups["m"].Value), dayFirst.Groups["d"].Value, out date);
            }

            if (RfcDate().Match(text) is { Success: true } rfc)
            {
                return Build(rfc.Groups["y"].Value, Month(rfc.Groups["mon"].Value), rfc.Groups["d"].Value, out date);
            }

            if (MonthFirstDate().Match(text) is { Success: true } monthFirst)
            {
                return Build(monthFirst.Groups["y"].Value, Month(monthFirst.Groups["mon"].Value), monthFirst.Groups["d"].Value, out date);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (text.Length is 10 or 13 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
        {
            return FromUnix(text.Length == 13 ? stamp / 1000 : stamp, out date);
        }

        return false;
    }

    /// <summary>A Unix time stamp in seconds (or milliseconds when it is too large for seconds) as a UTC date.</summary>
    public static bool TryFromUnix(double stamp, out DateOnly date)
    {
        date = default;
        if (double.IsNaN(stamp) || stamp <= 0 || stamp > 1e14)
        {
            return false;
        }

        var seconds = stamp > 1e11 ? stamp / 1000 : stamp;
        return FromUnix((long)seconds, out date);
    }

    private static bool FromUnix(long seconds, out DateOnly date)
    {
        date = default;
        if (seconds <= 0 || seconds > 4_102_444_800)
        {
            return false;
        }

        date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        return date.Year >= 1900;
    }

    private static bool Build(string yearText, int month, string dayText, out DateOnly date)
    {
        date = default;
        var year = Number(yearText);
        if (yearText.Length == 2)
        {
            // RFC 822's two-digit years: 00–49 are this century, 50–99 the last.
            year += year < 50 ? 2000 : 1900;
        }

        var day = Number(dayText);
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static int Month(string name)
    {
        if (name.Length < 3)
        {
            return -1;
        }

        var index = Array.IndexOf(MonthNames, name[..3].ToLowerInvariant());
        return index < 0 ? -1 : index + 1;
    }

    private static string AsciiDigits(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0660', '\u06F9'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                    >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                    _ => c,
                };
            }
        });
    }

    private const string TimePart = @"(?:(?:T|\s+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?";
    private const string ZonePart = @"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|\(?[A-Za-z]{1,5}\)?))?";

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})" + TimePart + ZonePart + "$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})[-/.](?<m>\d{1,2})[-/.](?<y>\d{4})" + TimePart + ZonePart + "$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"^(?:(?<wd>[A-Za-z]{3,9})\.?,?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4}|\d{2})" + TimePart + ZonePart + "$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex RfcDate();

    [GeneratedRegex(@"^(?:(?<wd>[A-Za-z]{3,9})\.?,?\s+)?(?<mon>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})" + TimePart + ZonePart + "$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex MonthFirstDate();
}
