using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>The document layers of the event stage: event mentions, quantities and quotes.</summary>
public static class EventLayers
{
    public static readonly LayerKey<IReadOnlyList<EventMention>> Events = new("events");
}
