using System.Data.Common;
using Marsad.Monitoring;
using Marsad.Storage.Alerts;

namespace Marsad.Storage.Knowledge;

/// <summary>Watchlists, alerts and the webhook outbox of the store (<see cref="IAlertStore"/>); alerts are written by <see cref="Apply"/>.</summary>
public abstract partial class KnowledgeStore
{
    public void AddWatchlist(Watchlist watchlist) => Write((c, tx) =>
    {
        using var cmd = Sql.Command(c, tx, "INSERT INTO watchlists (id, name, criteria, webhook, secret, created_at) VALUES (@id, @name, @criteria, @webhook, @secret, @created) ON CONFLICT (id) DO NOTHING")
            .With("@id", watchlist.Id).With("@name", watchlist.Name).With("@criteria", WatchlistJson.Write(watchlist))
            .With("@webhook", watchlist.Webhook).With("@secret", watchlist.Secret).With("@created", watchlist.Created);
        cmd.ExecuteNonQuery();
    });

    public bool RemoveWatchlist(string id)
    {
        var removed = false;
        Write((c, tx) =>
        {
            foreach (var sql in new[]
                     {
                         "DELETE FROM alert_outbox WHERE watchlist_id = @id",
                         "DELETE FROM alert_sources WHERE alert_id IN (SELECT id FROM alerts WHERE watchlist_id = @id)",
                         "DELETE FROM alerts WHERE watchlist_id = @id",
                         "DELETE FROM watchlists WHERE id = @id",
                     })
            {
                using var cmd = Sql.Command(c, tx, sql).With("@id", id);
                removed = cmd.ExecuteNonQuery() > 0;
            }
        });
        return removed;
    }

    public IReadOnlyList<Watchlist> Watchlists() => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT criteria, secret FROM watchlists ORDER BY id");
        return List(cmd, r => WatchlistJson.Read(r.GetString(0), r.NullableString(1)));
    });

    public Watchlist? Watchlist(string id) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT criteria, secret FROM watchlists WHERE id = @id").With("@id", id);
        return List(cmd, r => WatchlistJson.Read(r.GetString(0), r.NullableString(1))).FirstOrDefault();
    });

    public long AlertCount(string? watchlist) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, watchlist is null ? "SELECT COUNT(*) FROM alerts" : "SELECT COUNT(*) FROM alerts WHERE watchlist_id = @w");
        if (watchlist is not null)
        {
            cmd.With("@w", watchlist);
        }

        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    public Page<StoredAlert> Alerts(string? watchlist, string? cursor, int limit) => Read(c =>
    {
        var page = new PageQuery(AlertRows.Columns, "alerts a", "a.seq", "a.id", descending: true, numericKey: true)
            .Where("a.watchlist_id = @watchlist", "@watchlist", watchlist)
            .Run(c, cursor, Math.Clamp(limit, 1, KnowledgeQuery.MaxLimit), AlertRows.Row);
        return new Page<StoredAlert>(AlertRows.WithSources(c, null, page.Items), page.Next);
    });

    public IReadOnlyList<StoredAlert> AlertsAfter(AlertMark? after, string? watchlist, string? since, int limit) => Read(c =>
    {
        var conditions = new List<string>();
        using var cmd = Sql.Command(c, null, "");
        if (after is { } mark)
        {
            conditions.Add("a.seq >= @seq AND (a.seq > @seq OR a.id > @id)");
            cmd.With("@seq", mark.Seq).With("@id", mark.Id);
        }

        if (watchlist is not null)
        {
            conditions.Add("a.watchlist_id = @watchlist");
            cmd.With("@watchlist", watchlist);
        }

        if (since is not null)
        {
            conditions.Add("a.updated_at >= @since");
            cmd.With("@since", since);
        }

        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        cmd.CommandText = $"SELECT {AlertRows.Columns} FROM alerts a{where} ORDER BY a.seq, a.id LIMIT @limit";
        cmd.With("@limit", Math.Max(1, limit));
        return AlertRows.WithSources(c, null, List(cmd, AlertRows.Row));
    });

    public IReadOnlyList<AlertDelivery> DueDeliveries(long now, int limit) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, """
            SELECT o.id, o.alert_id, o.watchlist_id, w.webhook, w.secret, o.payload, o.attempts, o.due_at
            FROM alert_outbox o JOIN watchlists w ON w.id = o.watchlist_id
            WHERE o.due_at >= 0 AND o.due_at <= @now AND w.webhook IS NOT NULL
            ORDER BY o.due_at, o.id LIMIT @limit
            """).With("@now", now).With("@limit", Math.Max(1, limit));
        return List(cmd, r => new AlertDelivery(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4), r.GetString(5),
            r.Int(6), Convert.ToInt64(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture)));
    });

    public bool ClaimDelivery(AlertDelivery delivery, long leaseUntil)
    {
        var claimed = false;
        Write((c, tx) =>
        {
            using var cmd = Sql.Command(c, tx, "UPDATE alert_outbox SET due_at = @lease WHERE id = @id AND due_at = @due")
                .With("@lease", leaseUntil).With("@id", delivery.Id).With("@due", delivery.DueAt);
            claimed = cmd.ExecuteNonQuery() == 1;
        });
        return claimed;
    }

    public void DeliverySucceeded(string id, DateTimeOffset at) => Write((c, tx) =>
    {
        using var cmd = Sql.Command(c, tx, "UPDATE alert_outbox SET due_at = -1, attempts = attempts + 1, delivered_at = @at, last_error = NULL WHERE id = @id")
            .With("@id", id).With("@at", AlertJson.Time(at));
        cmd.ExecuteNonQuery();
    });

    public void DeliveryFailed(string id, string error, long? retryAt) => Write((c, tx) =>
    {
        using var cmd = Sql.Command(c, tx, "UPDATE alert_outbox SET due_at = @due, attempts = attempts + 1, last_error = @error WHERE id = @id")
            .With("@id", id).With("@due", retryAt ?? -1).With("@error", error);
        cmd.ExecuteNonQuery();
    });

    public (long Pending, long Delivered, long Failed) DeliveryCounts() => Read(c =>
    {
        using var cmd = Sql.Command(c, null, """
            SELECT COALESCE(SUM(CASE WHEN due_at >= 0 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN due_at < 0 AND delivered_at IS NULL THEN 1 ELSE 0 END), 0)
            FROM alert_outbox
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
    });

    public void ImportAlert(StoredAlert alert) => Write((c, tx) =>
    {
        using var insert = Sql.Command(c, tx, """
            INSERT INTO alerts (id, watchlist_id, subject, kind, story_id, event_id, title, quote, sources, seq, created_at, updated_at)
            VALUES (@id, @watchlist, @subject, @kind, @story, @event, @title, @quote, @sources, @seq, @created, @updated) ON CONFLICT DO NOTHING
            """)
            .With("@id", alert.Id).With("@watchlist", alert.Watchlist).With("@subject", alert.Subject).With("@kind", alert.Kind)
            .With("@story", alert.Story).With("@event", alert.Event).With("@title", alert.Title).With("@quote", alert.Quote)
            .With("@sources", alert.Sources.Count).With("@seq", alert.Seq).With("@created", alert.Created).With("@updated", alert.Updated);
        if (insert.ExecuteNonQuery() == 0)
        {
            return;
        }

        RowBatch.Insert(c, tx, "INSERT INTO alert_sources (alert_id, doc_id, position, outlet, url, title, published, quote, added_at)",
            [System.Data.DbType.String, System.Data.DbType.String, System.Data.DbType.Int32, System.Data.DbType.String, System.Data.DbType.String,
                System.Data.DbType.String, System.Data.DbType.String, System.Data.DbType.String, System.Data.DbType.String],
            alert.Sources.Select((s, i) => new object?[] { alert.Id, s.Document, i, s.Outlet, s.Url, s.Title, s.Published, s.Quote, alert.Updated }));
    });

    public void ImportDelivery(AlertDelivery delivery) => Write((c, tx) =>
    {
        using var cmd = Sql.Command(c, tx, """
            INSERT INTO alert_outbox (id, alert_id, watchlist_id, payload, attempts, due_at)
            VALUES (@id, @alert, @watchlist, @payload, @attempts, @due) ON CONFLICT (id) DO NOTHING
            """)
            .With("@id", delivery.Id).With("@alert", delivery.Alert).With("@watchlist", delivery.Watchlist).With("@payload", delivery.Payload)
            .With("@attempts", delivery.Attempts).With("@due", delivery.DueAt);
        cmd.ExecuteNonQuery();
    });
}
