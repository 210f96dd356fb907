namespace Marsad.Web.Api;

/// <summary>One source of a story, with its text and the spans to highlight (discrepant claims).</summary>
public sealed record StorySource(DocumentSummary Document, string Text, IReadOnlyList<Highlight> Highlights);
