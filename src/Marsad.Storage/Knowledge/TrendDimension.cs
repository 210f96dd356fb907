namespace Marsad.Storage.Knowledge;

/// <summary>What a trend counts per day: events by type, by actor (an actor or target entity), by place (an entity), or documents by outlet.</summary>
public enum TrendDimension
{
    EventType,
    Actor,
    Place,
    Outlet,
}
