using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>A publication date inferred from a document, where it came from, and the evidence in words.</summary>
public readonly record struct PublishedDate(DateOnly Date, PublishedFrom From, string Reason);
