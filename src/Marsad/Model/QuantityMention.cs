namespace Marsad.Model;

/// <summary>A counted quantity of the text (the contract's <c>quantities[]</c>): the number and its unit noun, its value, whether it is approximate, and the unit.</summary>
public sealed record QuantityMention(TextSpan Span, decimal Value, bool Approx, string Unit);
