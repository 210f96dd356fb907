namespace Marsad.Model;

/// <summary>
/// A token: its span in the text and its span in the normalized text (<see cref="Layers.Normalized"/>),
/// so lookups read the matching form without allocating a string per token.
/// </summary>
public readonly record struct Token(TextSpan Span, TextSpan Norm, TokenKind Kind);

/// <summary>
/// The clitic segmentation of the token with the same index: proclitic and enclitic lengths, in
/// characters of the token's normalized form; the stem is what lies between them.
/// </summary>
public readonly record struct Segmentation(byte PrefixLength, byte SuffixLength);

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Latin,
}

/// <summary>A sentence of the text.</summary>
public readonly record struct Sentence(TextSpan Span);

/// <summary>A number written in digits of any script or in Arabic words, with its approximator.</summary>
public sealed record NumberMention(TextSpan Span, decimal Value, bool Approx, bool IsWords);

/// <summary>The layers the engine knows; each later stage adds its keys here.</summary>
public static class Layers
{
    public static readonly LayerKey<NormalizedText> Normalized = new("normalized");
    public static readonly LayerKey<IReadOnlyList<Token>> Tokens = new("tokens");
    public static readonly LayerKey<IReadOnlyList<Segmentation>> Segments = new("segments");
    public static readonly LayerKey<IReadOnlyList<Sentence>> Sentences = new("sentences");
    public static readonly LayerKey<IReadOnlyList<NumberMention>> Numbers = new("numbers");
    public static readonly LayerKey<IReadOnlyList<TimeMention>> Times = new("times");
    public static readonly LayerKey<IReadOnlyList<Discrepancy>> Discrepancies = new("discrepancies");
}
