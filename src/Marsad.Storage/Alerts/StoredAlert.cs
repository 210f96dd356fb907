using Marsad.Monitoring;

namespace Marsad.Storage.Alerts;

/// <summary>
/// An alert as the store keeps it: its id (from watchlist and subject), what it is about (<see cref="AlertRecord"/>'s
/// subject, kind, story, event), its title and matching sentence, every source in the order they came, <see cref="Seq"/>
/// the change that last gave it a source, and when it was raised and last updated (ISO 8601, UTC).
/// </summary>
public sealed record StoredAlert(
    string Id,
    string Watchlist,
    string Subject,
    string Kind,
    string? Story,
    string? Event,
    string Title,
    string Quote,
    IReadOnlyList<AlertSource> Sources,
    long Seq,
    string Created,
    string Updated);

/// <summary>Where a follower of the alerts stands: the last alert it saw, in (seq, id) order.</summary>
public readonly record struct AlertMark(long Seq, string Id);

/// <summary>A webhook delivery waiting in the outbox: its id (the receiver dedupes on it), where it goes and what it says.</summary>
public sealed record AlertDelivery(string Id, string Alert, string Watchlist, string Url, string? Secret, string Payload, int Attempts, long DueAt);
