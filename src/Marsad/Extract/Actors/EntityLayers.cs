using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>The entity layer: every entity mention of a document with its ref, its actor or place when known.</summary>
public static class EntityLayers
{
    public static readonly LayerKey<IReadOnlyList<LinkedMention>> Entities = new("entities");
}
