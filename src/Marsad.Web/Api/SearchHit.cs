namespace Marsad.Web.Api;

/// <summary>A document matching a search, with the matching passage and the span of the match in its text (or title).</summary>
public sealed record SearchHit(DocumentSummary Document, string Field, string Snippet, int Start, int End);
