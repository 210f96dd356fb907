namespace Marsad.Web.Api;

/// <summary>
/// One page of search results, as the other lists page (<see cref="Items"/>, and <see cref="Next"/>, the cursor of the
/// page after or null), with <see cref="Total"/>: how many documents match the query and its filters in all.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, string? Next, int Total);
