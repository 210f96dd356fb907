namespace Marsad.Storage.Search;

/// <summary>
/// One search: free text (words, and "quoted phrases"), plus filters that all must hold: a date range (inclusive),
/// outlets (any of them), entities (each of them) and a set of documents (one of them: a search by event type keeps the
/// documents the knowledge base's events of that type mention).
/// </summary>
public sealed record SearchQuery
{
    public string Text { get; init; } = "";

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IReadOnlyList<string> Outlets { get; init; } = [];

    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>When set, only these documents (e.g. those the knowledge base says mention an event of a type).</summary>
    public IReadOnlyCollection<string>? Documents { get; init; }

    public int Limit { get; init; } = 10;

    /// <summary>The longest snippet, in characters; 0 for none.</summary>
    public int SnippetLength { get; init; } = 220;
}
