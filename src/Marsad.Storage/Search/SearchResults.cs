namespace Marsad.Storage.Search;

/// <summary>The ranked hits of a query, how many documents matched in all, and the time the search took.</summary>
public sealed record SearchResults(int TotalHits, IReadOnlyList<SearchHit> Hits, TimeSpan Elapsed);
