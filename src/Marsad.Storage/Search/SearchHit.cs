namespace Marsad.Storage.Search;

/// <summary>One ranked result: the document's id and display fields, its score and highlighted title and snippet.</summary>
public sealed record SearchHit(
    string Id,
    float Score,
    string? Outlet,
    string? Published,
    Snippet Title,
    Snippet Snippet);
