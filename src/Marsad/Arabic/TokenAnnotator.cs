using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>
/// Adds the normalized text, the tokens and their clitic segmentations (aligned by index with the tokens), using
/// <see cref="ArabicNormalizer"/>, <see cref="ArabicTokenizer"/> and <see cref="CliticSegmenter"/>.
/// </summary>
public sealed class TokenAnnotator : IAnnotator
{
    private readonly CliticSegmenter _segmenter;

    public TokenAnnotator()
        : this(CliticSegmenter.Default)
    {
    }

    public TokenAnnotator(CliticSegmenter segmenter) => _segmenter = segmenter;

    public string Name => "tokens";

    public IReadOnlyList<ILayerKey> Requires => [];

    public IReadOnlyList<ILayerKey> Produces => [Layers.Normalized, Layers.Tokens, Layers.Segments];

    public void Annotate(Document document)
    {
        var normalized = ArabicNormalizer.NormalizeWithMap(document.Text);
        var tokens = ArabicTokenizer.Tokenize(document.Text, normalized);
        document.Set(Layers.Normalized, normalized);
        document.Set<IReadOnlyList<Token>>(Layers.Tokens, tokens);
        document.Set<IReadOnlyList<Segmentation>>(Layers.Segments, _segmenter.SegmentAll(document.Text, normalized, tokens));
    }
}
