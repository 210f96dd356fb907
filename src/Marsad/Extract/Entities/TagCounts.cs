namespace Marsad.Extract.Entities;

/// <summary>How often each word occurred in a tagged corpus, and how often it was tagged with each entity type.</summary>
public sealed record TagCounts(IReadOnlyList<string> Types, IReadOnlyDictionary<string, int> Totals, IReadOnlyDictionary<string, int[]> Tagged);
