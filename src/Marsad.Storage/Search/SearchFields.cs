namespace Marsad.Storage.Search;

/// <summary>The field names of the search index.</summary>
public static class SearchFields
{
    /// <summary>Document id, exact (the key of updates and deletes).</summary>
    public const string Id = "id";

    /// <summary>The stored document's content hash and analyzer version, to tell a stale index entry.</summary>
    public const string Version = "version";

    public const string Title = "title";

    public const string Text = "text";

    /// <summary>The outlet as written (stored) and its filter key (normalized, lowercased; exact match).</summary>
    public const string Outlet = "outlet";

    public const string OutletKey = "outlet_key";

    /// <summary>Entity names and mentions, analyzed (one value each, with a position gap between values).</summary>
    public const string Entities = "entities";

    /// <summary>The publication date as stored (yyyy-MM-dd) and as an integer yyyymmdd for range filters.</summary>
    public const string Published = "published";

    public const string PublishedDay = "published_day";
}
