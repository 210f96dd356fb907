namespace Marsad.Monitoring;

/// <summary>
/// A saved query over the knowledge base: what a reader follows. Criteria of different kinds combine with AND, several
/// values of one kind with OR; an empty kind does not constrain. <see cref="Actors"/> and <see cref="Places"/> are
/// resolved entities (matched by id, so every alias the linker knows counts); <see cref="EventTypes"/> are the
/// contract's event types; <see cref="Keywords"/> are matched as the search analyzer reads words
/// (<see cref="KeywordTerms"/>); <see cref="Discrepancies"/> asks for new disagreements between sources, in the
/// <see cref="Stories"/> given (followed stories) or in any story that meets the other criteria. <see cref="Webhook"/>,
/// when set, receives each alert signed with <see cref="Secret"/>.
/// </summary>
public sealed record Watchlist
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<WatchedActor> Actors { get; init; } = [];

    public IReadOnlyList<WatchedPlace> Places { get; init; } = [];

    public IReadOnlyList<string> EventTypes { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public bool Discrepancies { get; init; }

    public IReadOnlyList<string> Stories { get; init; } = [];

    public string? Webhook { get; init; }

    public string? Secret { get; init; }

    /// <summary>When it was created (ISO 8601, UTC).</summary>
    public string Created { get; init; } = "";

    /// <summary>Whether it asks for merged events (an event type, an actor or a place), not only for words.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool WantsEvents => EventTypes.Count > 0 || Actors.Count > 0 || Places.Count > 0;
}

/// <summary>An actor of a watchlist: the entity id the linker gives its mentions, and its display name.</summary>
public sealed record WatchedActor(string Id, string Name);

/// <summary>
/// A place of a watchlist: a gazetteer place, and either a radius in km around it, or (null radius) the area it
/// covers as <see cref="Extract.Places.Gazetteer.IsWithin"/> reads it (a country, a governorate, a district; a city or a
/// site holds what lies within 15 km).
/// </summary>
public sealed record WatchedPlace(string Id, string Name, double Lat, double Lon, double? RadiusKm);
