using Marsad.Arabic;

namespace Marsad.Storage.Search;

/// <summary>
/// Exact-match keys of the filter fields. Rules: outlets are trimmed, normalized (<see cref="ArabicNormalizer"/>) and
/// lowercased, so "Al Arabiya", "al arabiya" and spelling variants of an Arabic name meet; event types are lowercased.
/// </summary>
public static class SearchKeys
{
    public static string Outlet(string outlet) => ArabicNormalizer.Normalize(outlet.Trim()).ToLowerInvariant();

    public static string EventType(string type) => type.Trim().ToLowerInvariant();

    /// <summary>A date as the integer yyyymmdd that the range filter compares.</summary>
    public static int Day(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>The yyyymmdd of an ISO date (yyyy-MM-dd), or null when the text is not one.</summary>
    public static int? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? Day(d)
            : null;
}
