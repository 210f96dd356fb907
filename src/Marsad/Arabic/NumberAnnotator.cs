using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>Adds the numbers of the text, in digits or words, with their approximators (<see cref="ArabicNumberParser"/>).</summary>
public sealed class NumberAnnotator : IAnnotator
{
    private readonly ArabicNumberParser _parser;

    public NumberAnnotator()
        : this(ArabicNumberParser.Default)
    {
    }

    public NumberAnnotator(ArabicNumberParser parser) => _parser = parser;

    public string Name => "numbers";

    public IReadOnlyList<ILayerKey> Requires => [Layers.Normalized, Layers.Tokens];

    public IReadOnlyList<ILayerKey> Produces => [Layers.Numbers];

    public void Annotate(Document document)
    {
        if (!document.TryGet(Layers.Normalized, out var normalized))
        {
            throw new InvalidOperationException($"document '{document.Id}' has no '{Layers.Normalized.Name}' layer: run {nameof(TokenAnnotator)} first");
        }

        document.Set(Layers.Numbers, _parser.Parse(document.Text, normalized, document.Get(Layers.Tokens)));
    }
}
