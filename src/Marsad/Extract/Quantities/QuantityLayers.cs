using Marsad.Model;

namespace Marsad.Extract.Quantities;

/// <summary>The quantity layer: counted things (soldiers, attacks, rockets, the killed…).</summary>
public static class QuantityLayers
{
    public static readonly LayerKey<IReadOnlyList<QuantityMention>> Quantities = new("quantities");
}
