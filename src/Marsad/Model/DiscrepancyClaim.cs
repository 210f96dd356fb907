namespace Marsad.Model;

/// <summary>
/// One side of a discrepancy: what a document says (<see cref="Text"/>, its words), the value it gives, and
/// where the words are in the document's text (default when the claim is not a span of the text).
/// </summary>
public sealed record DiscrepancyClaim(string Doc, string Text, string Value, TextSpan Span = default);
