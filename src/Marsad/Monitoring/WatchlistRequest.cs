namespace Marsad.Monitoring;

/// <summary>
/// A watchlist as a reader asks for it, by names (<see cref="WatchlistBuilder"/> resolves them): actors and places by
/// any alias or id, one radius in km for every place (none: the place's area), event types, keywords, whether to follow
/// new discrepancies, followed story ids, and a webhook with its signing secret (one is made when none is given).
/// </summary>
public sealed record WatchlistRequest
{
    public string? Name { get; init; }

    public IReadOnlyList<string> Actors { get; init; } = [];

    public IReadOnlyList<string> Places { get; init; } = [];

    public double? RadiusKm { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public bool Discrepancies { get; init; }

    public IReadOnlyList<string> Stories { get; init; } = [];

    public string? Webhook { get; init; }

    public string? Secret { get; init; }
}
