using Marsad.Monitoring;

namespace Marsad.Web.Api;

/// <summary>
/// An alert on the dashboard: what it is about (kind, subject, event), its watchlist, its story (id and title, when the
/// story is still kept), the matching sentence, every source with its own sentence, and when it was raised and updated.
/// </summary>
public sealed record AlertView(
    string Id,
    EntityRef Watchlist,
    string Kind,
    string Subject,
    string? Event,
    EntityRef? Story,
    string Title,
    string Quote,
    IReadOnlyList<AlertSource> Sources,
    string Created,
    string Updated);

/// <summary>
/// A watchlist as the API shows it: its criteria, its webhook (never its secret, but on the answer that created it),
/// how many alerts it raised and where its Atom feed is.
/// </summary>
public sealed record WatchlistView(
    string Id,
    string Name,
    IReadOnlyList<WatchedActor> Actors,
    IReadOnlyList<WatchedPlace> Places,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Keywords,
    bool Discrepancies,
    IReadOnlyList<string> Stories,
    string? Webhook,
    string? Secret,
    string Created,
    long Alerts,
    string Feed);
