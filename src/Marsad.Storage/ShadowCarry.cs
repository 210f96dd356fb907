using System.Data;
using Marsad.Storage.Alerts;
using Marsad.Storage.Knowledge;

namespace Marsad.Storage;

/// <summary>
/// Carries into a re-analysis's shadow store (<see cref="ShadowStore"/>) what no analysis derives again from the
/// documents: the watchlists with their alerts (<see cref="AlertStoreCopy"/>), the whole webhook outbox (pending,
/// delivered and given up, so nothing is sent twice), and the watcher's state: its sources (validators, health, next
/// poll, lease) and every article address it met. Rules: the store's rows win over the shadow's (the watcher and the
/// deliverer keep writing the store while the shadow is built), so copying again just before the promotion brings the
/// shadow up to date; a watchlist removed from the store since an earlier copy leaves the shadow too; the outbox rows
/// the shadow's own run added for alerts the store lacks stay, to be delivered.
/// </summary>
public static class ShadowCarry
{
    private const int Page = 1000;

    // Each table's key comes first.
    private static readonly CarriedTable[] Tables =
    [
        new("watch_sources", "id",
        [
            ("id", DbType.String), ("kind", DbType.String), ("etag", DbType.String), ("last_modified", DbType.String), ("last_fetch", DbType.String),
            ("last_success", DbType.String), ("last_status", DbType.String), ("last_error", DbType.String), ("failures", DbType.Int32),
            ("errors", DbType.Int64), ("fetches", DbType.Int64), ("not_modified", DbType.Int64), ("last_new", DbType.Int32),
            ("new_items", DbType.Int64), ("next_poll", DbType.String), ("lease_owner", DbType.String), ("lease_until", DbType.String),
        ]),
        new("watch_items", "url",
        [
            ("url", DbType.String), ("source_id", DbType.String), ("doc_id", DbType.String), ("state", DbType.String), ("attempts", DbType.Int32),
            ("error", DbType.String), ("seen_at", DbType.String),
        ]),
        new("alert_outbox", "id",
        [
            ("id", DbType.String), ("alert_id", DbType.String), ("watchlist_id", DbType.String), ("payload", DbType.String), ("attempts", DbType.Int32),
            ("due_at", DbType.Int64), ("delivered_at", DbType.String), ("last_error", DbType.String),
        ]),
    ];

    public static void Copy(IKnowledgeStore from, IKnowledgeStore to)
    {
        if (from is not KnowledgeStore source || to is not KnowledgeStore shadow)
        {
            throw new ArgumentException("a re-analysis carries its state between the stores Marsad opens (SQLite or PostgreSQL)");
        }

        var kept = from.Watchlists().Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in to.Watchlists().Where(w => !kept.Contains(w.Id)))
        {
            to.RemoveWatchlist(gone.Id);
        }

        AlertStoreCopy.Copy(from, to);
        foreach (var table in Tables)
        {
            string? after = null;
            while (true)
            {
                var rows = source.CarriedRows(table, after, Page);
                if (rows.Count > 0)
                {
                    shadow.CarryRows(table, rows);
                }

                if (rows.Count < Page)
                {
                    break;
                }

                after = (string)rows[^1][0]!;
            }
        }
    }
}
