namespace Marsad.Storage.Search;

/// <summary>
/// One search: free text (words, and "quoted phrases"), plus filters that all must hold: a date range (inclusive),
/// outlets (any of them), entities (each of them) and event types (any of them).
/// </summary>
public sealed record SearchQuery
{
    public string Text { get; init; } = "";

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IReadOnlyList<string> Outlets { get; init; } = [];

    public IReadOnlyList<string> Entities { get; init; } = [];

    public IReadOnlyList<string> Types { get; init; } = [];

    public int Limit { get; init; } = 10;

    /// <summary>The longest snippet, in characters; 0 for none.</summary>
    public int SnippetLength { get; init; } = 220;
}
