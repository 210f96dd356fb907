using Marsad.Model;

namespace Marsad.Extract.Quantities;

/// <summary>Fills the quantity layer with <see cref="QuantityExtractor"/>; it reads the numbers layer.</summary>
public sealed class QuantityAnnotator(QuantityExtractor? extractor = null) : IAnnotator
{
    private readonly QuantityExtractor _extractor = extractor ?? QuantityExtractor.Default;

    public string Name => "quantities";

    public IReadOnlyList<ILayerKey> Requires { get; } = [Layers.Normalized, Layers.Tokens, Layers.Segments, Layers.Numbers];

    public IReadOnlyList<ILayerKey> Produces { get; } = [QuantityLayers.Quantities];

    public void Annotate(Document document) => document.Set(QuantityLayers.Quantities, _extractor.Extract(document));
}
