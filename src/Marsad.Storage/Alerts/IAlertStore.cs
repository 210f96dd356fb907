using Marsad.Monitoring;
using Marsad.Storage.Knowledge;

namespace Marsad.Storage.Alerts;

/// <summary>
/// Watchlists, the alerts they raised (written with each knowledge change, see <see cref="Knowledge.KnowledgeStore"/>)
/// and the webhook outbox, the same on SQLite and PostgreSQL. Alerts page newest first (seq desc, id desc); following
/// reads them oldest first after a mark. A delivery is claimed before it is sent (a compare-and-set of its due time), so
/// two deliverers never send it at once, and one that stopped mid-way leaves it to be sent again after the lease.
/// </summary>
public interface IAlertStore
{
    /// <summary>Keeps a watchlist (one of the same id already kept is left as it is).</summary>
    void AddWatchlist(Watchlist watchlist);

    /// <summary>Removes a watchlist with its alerts and pending deliveries; false when no such watchlist.</summary>
    bool RemoveWatchlist(string id);

    /// <summary>The watchlists in id order, with their secrets.</summary>
    IReadOnlyList<Watchlist> Watchlists();

    Watchlist? Watchlist(string id);

    /// <summary>How many alerts a watchlist raised (all watchlists: null).</summary>
    long AlertCount(string? watchlist);

    /// <summary>A page of alerts, most recently raised or updated first, of one watchlist or all.</summary>
    Page<StoredAlert> Alerts(string? watchlist, string? cursor, int limit);

    /// <summary>Alerts raised or updated after <paramref name="after"/> (all when null), oldest first; <paramref name="since"/> an ISO time they were updated at or after.</summary>
    IReadOnlyList<StoredAlert> AlertsAfter(AlertMark? after, string? watchlist, string? since, int limit);

    /// <summary>Deliveries due by <paramref name="now"/> (ms since the epoch), oldest first.</summary>
    IReadOnlyList<AlertDelivery> DueDeliveries(long now, int limit);

    /// <summary>Takes a due delivery until <paramref name="leaseUntil"/>; false when another deliverer took it first.</summary>
    bool ClaimDelivery(AlertDelivery delivery, long leaseUntil);

    void DeliverySucceeded(string id, DateTimeOffset at);

    /// <summary>Records a failed try: tried again at <paramref name="retryAt"/> (ms since the epoch), or never when null.</summary>
    void DeliveryFailed(string id, string error, long? retryAt);

    /// <summary>Keeps an alert (with its sources) as another store kept it, unless one of its id is kept already.</summary>
    void ImportAlert(StoredAlert alert);

    /// <summary>Keeps a pending delivery as another store kept it, unless one of its id is kept already.</summary>
    void ImportDelivery(AlertDelivery delivery);

    /// <summary>Counts of the outbox: waiting, delivered, given up.</summary>
    (long Pending, long Delivered, long Failed) DeliveryCounts();
}
