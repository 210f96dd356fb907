using System.Globalization;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// The bounds of a date filter as users give them: a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY); a month or a
/// year means its first day as a lower bound and its last as an upper one.
/// </summary>
public static class QueryDates
{
    /// <summary>The day <paramref name="value"/> bounds (null when empty); a <see cref="FormatException"/> when it is not a date.</summary>
    public static DateOnly? Parse(string? value, bool first)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", c, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM", c, DateTimeStyles.None, out var month))
        {
            return first ? month : month.AddMonths(1).AddDays(-1);
        }

        if (DateOnly.TryParseExact(value, "yyyy", c, DateTimeStyles.None, out var year))
        {
            return first ? year : new DateOnly(year.Year, 12, 31);
        }

        throw new FormatException($"'{value}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    }

    /// <summary>As <see cref="Parse"/>, as the ISO day a <see cref="KnowledgeQuery"/> takes.</summary>
    public static string? Day(string? value, bool first) =>
        Parse(value, first)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
