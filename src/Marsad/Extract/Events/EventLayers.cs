using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>The document layers of the event stage: event mentions and deadlines.</summary>
public static class EventLayers
{
    public static readonly LayerKey<IReadOnlyList<EventMention>> Events = new("events");

    /// <summary>The deadlines the document gives (<see cref="DeadlineFinder"/>).</summary>
    public static readonly LayerKey<IReadOnlyList<DeadlineMention>> Deadlines = new("deadlines");
}
