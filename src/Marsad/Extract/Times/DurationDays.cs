using System.Globalization;

namespace Marsad.Extract.Times;

/// <summary>The whole days of a TIMEX3 duration value: P10D, P2W, PT48H; a month (P1M) only when 30 days will do.</summary>
public static class DurationDays
{
    /// <param name="months">read P1M as 30 days (a deadline "خلال شهر"); else a month is no count of days.</param>
    public static int? Of(string? value, bool months = false)
    {
        if (value is not { Length: >= 3 } v || v[0] != 'P')
        {
            return null;
        }

        var hours = v[1] == 'T';
        if (!int.TryParse(v.AsSpan(hours ? 2 : 1, v.Length - (hours ? 3 : 2)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return (hours, v[^1]) switch
        {
            (false, 'D') => n,
            (false, 'W') => 7 * n,
            (false, 'M') when months => 30 * n,
            (true, 'H') when n % 24 == 0 => n / 24,
            _ => null,
        };
    }
}
