namespace Marsad.Arabic;

/// <summary>One number word of <c>data/ar/number-words.tsv</c>: its value and how it combines.</summary>
public readonly record struct NumberWord(decimal Value, NumberWordKind Kind);
