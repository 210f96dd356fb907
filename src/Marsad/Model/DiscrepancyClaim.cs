namespace Marsad.Model;

/// <summary>One side of a discrepancy: what a document says (<see cref="Text"/>, its words) and the value it gives.</summary>
public sealed record DiscrepancyClaim(string Doc, string Text, string Value, TextSpan Span);
