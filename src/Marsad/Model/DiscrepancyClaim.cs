namespace Marsad.Model;

/// <summary>One side of a discrepancy: the document, the words it uses and the value they give.</summary>
public sealed record DiscrepancyClaim(string Doc, string Text, string Value);
