using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Monitoring;
using Marsad.Storage.Knowledge;

namespace Marsad.Storage.Alerts;

/// <summary>
/// Stores a knowledge change's alerts inside its transaction, by <see cref="Knowledge.KnowledgeChange"/>'s rule: once
/// per (watchlist, subject) — an event's alert once per merged event, found by the event id it holds or the ids the
/// event had before, and following the event when its id changes; a stored alert gains only the sources it did not
/// have, and then moves to the change's <c>seq</c>; an alert that gained nothing is left as it was. Each new or grown alert of a watchlist with a webhook
/// puts one delivery in the outbox, its id the alert's and its source count (so a repeat of the same state is one
/// delivery). An alert of a watchlist removed meanwhile is dropped.
/// </summary>
internal sealed class AlertWriter(DbConnection connection, DbTransaction tx)
{
    public void Apply(IReadOnlyList<AlertRecord> alerts, long sequence)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var stamp = AlertJson.Time(now);
        var webhooks = new Dictionary<string, (bool Kept, string? Url, string Name)>(StringComparer.Ordinal);
        foreach (var raised in alerts)
        {
            if (!webhooks.TryGetValue(raised.Watchlist, out var watchlist))
            {
                using var find = Sql.Command(connection, tx, "SELECT webhook, name FROM watchlists WHERE id = @id").With("@id", raised.Watchlist);
                using var r = find.ExecuteReader();
                webhooks[raised.Watchlist] = watchlist = r.Read() ? (true, r.NullableString(0), r.GetString(1)) : (false, null, "");
            }

            if (!watchlist.Kept)
            {
                continue;
            }

            var alert = raised;
            if (alert.Event is null)
            {
                // An article already reported by this watchlist (through an event, or by itself) is not reported again.
                var reported = Reported(alert.Watchlist, alert.Sources.Select(x => x.Document).ToList());
                alert = alert with { Sources = [.. alert.Sources.Where(x => !reported.Contains(x.Document))] };
                if (alert.Sources.Count == 0)
                {
                    continue;
                }
            }

            var (id, kept) = Find(alert);
            if (kept is null && alert.Event is not null)
            {
                // A new event alert (none holds the event under this or a former id): the articles this watchlist reported
                // in earlier changes are not reported again (a re-added article, or a re-analysis, numbers events anew).
                var earlier = Reported(alert.Watchlist, alert.Sources.Select(x => x.Document).ToList(), sequence);
                alert = alert with { Sources = [.. alert.Sources.Where(x => !earlier.Contains(x.Document))] };
                if (alert.Sources.Count == 0)
                {
                    continue;
                }
            }
            var had = kept is null ? new HashSet<string>(StringComparer.Ordinal) : Sources(id);
            var added = alert.Sources.Where(s => !had.Contains(s.Document)).DistinctBy(s => s.Document).ToList();
            if (kept is not null && alert.Event is not null && kept != alert.Event)
            {
                // The event has a new id (its story was numbered anew): the alert follows it.
                using var follow = Sql.Command(connection, tx, "UPDATE alerts SET event_id = @event, story_id = COALESCE(@story, story_id) WHERE id = @id")
                    .With("@id", id).With("@event", alert.Event).With("@story", alert.Story);
                follow.ExecuteNonQuery();
            }

            if (added.Count == 0)
            {
                continue;
            }

            if (had.Count == 0 && kept is null)
            {
                using var insert = Sql.Command(connection, tx, """
                    INSERT INTO alerts (id, watchlist_id, subject, kind, story_id, event_id, title, quote, sources, seq, created_at, updated_at)
                    VALUES (@id, @watchlist, @subject, @kind, @story, @event, @title, @quote, @sources, @seq, @now, @now)
                    """)
                    .With("@id", id).With("@watchlist", alert.Watchlist).With("@subject", Subject(id, alert)).With("@kind", alert.Kind)
                    .With("@story", alert.Story).With("@event", alert.Event).With("@title", alert.Title).With("@quote", added[0].Quote)
                    .With("@sources", added.Count).With("@seq", sequence).With("@now", stamp);
                insert.ExecuteNonQuery();
            }
            else
            {
                // The story may have been merged into another since: the alert follows the story its new sources are in.
                using var update = Sql.Command(connection, tx, """
                    UPDATE alerts SET sources = sources + @added, seq = @seq, updated_at = @now, story_id = COALESCE(@story, story_id)
                    WHERE id = @id
                    """)
                    .With("@id", id).With("@added", added.Count).With("@seq", sequence).With("@now", stamp).With("@story", alert.Story);
                update.ExecuteNonQuery();
            }

            RowBatch.Insert(connection, tx, "INSERT INTO alert_sources (alert_id, doc_id, position, outlet, url, title, published, quote, added_at)",
                [DbType.String, DbType.String, DbType.Int32, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String],
                added.Select((s, i) => new object?[] { id, s.Document, had.Count + i, s.Outlet, s.Url, s.Title, s.Published, s.Quote, stamp }));
            if (watchlist.Url is not null)
            {
                var stored = AlertRows.Read(connection, tx, [id])[0];
                var delivery = id + "." + stored.Sources.Count.ToString(CultureInfo.InvariantCulture);
                using var outbox = Sql.Command(connection, tx, """
                    INSERT INTO alert_outbox (id, alert_id, watchlist_id, payload, attempts, due_at)
                    VALUES (@id, @alert, @watchlist, @payload, 0, @due) ON CONFLICT (id) DO NOTHING
                    """)
                    .With("@id", delivery).With("@alert", id).With("@watchlist", alert.Watchlist)
                    .With("@payload", AlertJson.Write(stored, watchlist.Name, delivery)).With("@due", now.ToUnixTimeMilliseconds());
                outbox.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The id of the alert of a (watchlist, subject): the same in every store, whichever run raised it.</summary>
    public static string AlertId(string watchlist, string subject) =>
        "a" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(watchlist + "\n" + subject)).AsSpan(0, 10));

    /// <summary>
    /// The stored alert this one is (its id, and for an event alert the event id it holds), or the id a new one takes:
    /// an event's alert is found by the event id it holds now, then by the ids the event had before
    /// (<see cref="AlertRecord.Continues"/>); any other by its subject.
    /// </summary>
    private (string Id, string? Event) Find(AlertRecord alert)
    {
        if (alert.Event is null)
        {
            var id = AlertId(alert.Watchlist, alert.Subject);
            using (var exists = Sql.Command(connection, tx, "SELECT COUNT(*) FROM alerts WHERE id = @id").With("@id", id))
            {
                if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                {
                    return (id, "");
                }
            }

            // The story formed again under another id: the alert of the story its documents were in.
            foreach (var chunk in (alert.Continues ?? []).Chunk(Sql.Chunk))
            {
                using var cmd = Sql.Command(connection, tx, "");
                cmd.CommandText = "SELECT a.id FROM alerts a JOIN alert_sources s ON s.alert_id = a.id WHERE a.watchlist_id = @watchlist AND a.kind = @kind AND s.doc_id IN ("
                    + cmd.InList(chunk) + ") ORDER BY a.seq, a.id LIMIT 1";
                cmd.With("@watchlist", alert.Watchlist).With("@kind", alert.Kind);
                if (cmd.ExecuteScalar() is string found)
                {
                    return (found, "");
                }
            }

            return (id, null);
        }

        using (var cmd = Sql.Command(connection, tx, ""))
        {
            // The alert of the event's id, else of its likeliest former id (the order of Continues).
            string[] ids = [alert.Event, .. (alert.Continues ?? []).Take(Sql.Chunk - 1)];
            cmd.CommandText = "SELECT id, event_id FROM alerts WHERE watchlist_id = @watchlist AND event_id IN (" + cmd.InList(ids) + ")";
            cmd.With("@watchlist", alert.Watchlist);
            using var r = cmd.ExecuteReader();
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            while (r.Read())
            {
                found.TryAdd(r.GetString(1), r.GetString(0));
            }

            if (ids.FirstOrDefault(found.ContainsKey) is { } held)
            {
                return (found[held], held);
            }
        }

        // A new alert; its subject's id may be held by an alert that followed its event elsewhere: then a numbered one.
        for (var n = 1; ; n++)
        {
            var subject = n == 1 ? alert.Subject : alert.Subject + "#" + n.ToString(CultureInfo.InvariantCulture);
            var id = AlertId(alert.Watchlist, subject);
            using var taken = Sql.Command(connection, tx, "SELECT COUNT(*) FROM alerts WHERE id = @id").With("@id", id);
            if (Convert.ToInt64(taken.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                return (id, null);
            }
        }
    }

    private string Subject(string id, AlertRecord alert)
    {
        for (var n = 1; ; n++)
        {
            var subject = n == 1 ? alert.Subject : alert.Subject + "#" + n.ToString(CultureInfo.InvariantCulture);
            if (AlertId(alert.Watchlist, subject) == id)
            {
                return subject;
            }
        }
    }

    /// <summary>The documents of <paramref name="documents"/> that an alert of the watchlist reports (one of a change before <paramref name="before"/>).</summary>
    private HashSet<string> Reported(string watchlist, IReadOnlyList<string> documents, long before = long.MaxValue)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in documents.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(connection, tx, "");
            cmd.CommandText = "SELECT s.doc_id FROM alert_sources s JOIN alerts a ON a.id = s.alert_id WHERE a.watchlist_id = @watchlist AND a.seq < @before AND s.doc_id IN ("
                + cmd.InList(chunk) + ")";
            cmd.With("@watchlist", watchlist).With("@before", before);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                set.Add(r.GetString(0));
            }
        }

        return set;
    }

    private HashSet<string> Sources(string alert)
    {
        using var cmd = Sql.Command(connection, tx, "SELECT doc_id FROM alert_sources WHERE alert_id = @id").With("@id", alert);
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }
}
