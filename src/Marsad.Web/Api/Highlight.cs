namespace Marsad.Web.Api;

/// <summary>A span of a document text to mark: kind (time, entity type, quantity, quote, event, discrepancy), a label, and the entity or event it refers to.</summary>
public sealed record Highlight(int Start, int End, string Kind, string Label, string? Ref);
