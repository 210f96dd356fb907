using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Extract.Quotes;

/// <summary>Fills the quote layer with <see cref="QuoteExtractor"/>; it reads the linked entities.</summary>
public sealed class QuoteAnnotator(QuoteExtractor? extractor = null) : IAnnotator
{
    private readonly QuoteExtractor _extractor = extractor ?? QuoteExtractor.Default;

    public string Name => "quotes";

    public IReadOnlyList<ILayerKey> Requires { get; } = [Layers.Normalized, Layers.Tokens, Layers.Segments, Layers.Sentences, EntityLayers.Entities];

    public IReadOnlyList<ILayerKey> Produces { get; } = [QuoteLayers.Quotes];

    public void Annotate(Document document) => document.Set(QuoteLayers.Quotes, _extractor.Extract(document));
}
