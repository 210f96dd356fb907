namespace Marsad.Web.Api;

/// <summary>
/// A document matching a search, best first: its id, headline, outlet and date as the index keeps them, its BM25 score,
/// the passage that best shows why (from its text, or its title when the text has no match) with the matched words
/// marked in <see cref="Highlights"/> (spans into the passage), and <see cref="Start"/>–<see cref="End"/>, the first
/// match's span in the document's whole text or title.
/// </summary>
public sealed record SearchHit(string Id, string? Title, string? Outlet, string? Published, double Score, string Field, string Snippet, IReadOnlyList<Highlight> Highlights, int Start, int End);
