using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>Fills the event layer of a document with <see cref="EventExtractor"/> and its deadlines with <see cref="DeadlineFinder"/>; it reads times and linked entities.</summary>
public sealed class EventAnnotator(EventExtractor? extractor = null, DeadlineFinder? deadlines = null) : IAnnotator
{
    private readonly EventExtractor _extractor = extractor ?? EventExtractor.Default;
    private readonly DeadlineFinder _deadlines = deadlines ?? DeadlineFinder.Default;

    public string Name => "events";

    public IReadOnlyList<ILayerKey> Requires { get; } = [Layers.Normalized, Layers.Tokens, Layers.Segments, Layers.Sentences, Layers.Numbers, Layers.Times, EntityLayers.Entities];

    public IReadOnlyList<ILayerKey> Produces { get; } = [EventLayers.Events, EventLayers.Deadlines];

    public void Annotate(Document document)
    {
        document.Set(EventLayers.Events, _extractor.Extract(document));
        document.Set(EventLayers.Deadlines, _deadlines.Find(document));
    }
}
