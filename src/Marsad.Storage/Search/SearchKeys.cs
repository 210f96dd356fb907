using Marsad.Ingest.Metadata;

namespace Marsad.Storage.Search;

/// <summary>
/// Exact-match keys of the filter fields. Rules: an outlet the catalog knows (<c>data/outlets</c>, any of its names or
/// spellings) becomes its catalog name, then the catalog's matching key (normalized, lowercased, letters and digits), so
/// "Al Arabiya", "al arabiya" and "العربية" meet.
/// </summary>
public static class SearchKeys
{
    public static string Outlet(string outlet) => OutletCatalog.Key(OutletCatalog.Default.Find(outlet)?.Name ?? outlet);

    /// <summary>A date as the integer yyyymmdd that the range filter compares.</summary>
    public static int Day(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>The yyyymmdd of an ISO date (yyyy-MM-dd), or null when the text is not one.</summary>
    public static int? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? Day(d)
            : null;
}
