using System.Data.Common;
using Marsad.Monitoring;
using Marsad.Storage.Monitoring;

namespace Marsad.Storage.Knowledge;

/// <summary>The watcher's state (<see cref="IWatchState"/>) in the same store, the same SQL on SQLite and PostgreSQL.</summary>
public abstract partial class KnowledgeStore : IWatchState
{
    private const string SourceColumns =
        "id, kind, last_fetch, last_success, last_status, last_error, failures, errors, fetches, not_modified, last_new, new_items, next_poll, lease_owner";

    public void AddSources(IReadOnlyList<WatchSource> sources, DateTimeOffset now, TimeSpan interval) => Write((c, tx) =>
    {
        foreach (var source in sources)
        {
            // A healthy source is due at most one interval from now (the interval may have been shortened since).
            using var cmd = Sql.Command(c, tx, """
                    INSERT INTO watch_sources (id, kind, next_poll) VALUES (@id, @kind, @now)
                    ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,
                      next_poll = CASE WHEN watch_sources.failures = 0 AND watch_sources.next_poll > @cap THEN @cap ELSE watch_sources.next_poll END
                    """)
                .With("@id", source.Id).With("@kind", source.Kind.ToString().ToLowerInvariant()).With("@now", WatchTime.Format(now))
                .With("@cap", WatchTime.Format(now + (source.Interval ?? interval)));
            cmd.ExecuteNonQuery();
        }
    });

    public SourceClaim? Claim(IReadOnlyList<string> ids, string owner, DateTimeOffset now, TimeSpan lease, DateTimeOffset? notFetchedSince)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        SourceClaim? claim = null;
        Write((c, tx) =>
        {
            using var cmd = Sql.Command(c, tx, "");
            var due = notFetchedSince is null ? "next_poll <= @now" : "(last_fetch IS NULL OR last_fetch < @since)";

            // On PostgreSQL a row another watcher is claiming is skipped, not waited for.
            var skip = this is PostgresDocumentStore ? " FOR UPDATE SKIP LOCKED" : "";
            cmd.CommandText = $"""
                UPDATE watch_sources SET lease_owner = @owner, lease_until = @until, last_fetch = @now
                WHERE id = (SELECT id FROM watch_sources
                            WHERE id IN ({cmd.InList(ids)}) AND (lease_until IS NULL OR lease_until < @now) AND {due}
                            ORDER BY next_poll, id LIMIT 1{skip})
                RETURNING id, kind, etag, last_modified, failures
                """;
            cmd.With("@owner", owner).With("@now", WatchTime.Format(now)).With("@until", WatchTime.Format(now + lease))
                .With("@since", notFetchedSince is { } since ? WatchTime.Format(since) : null);
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                claim = new SourceClaim(r.GetString(0), r.GetString(1), new Validators(r.NullableString(2), r.NullableString(3)), r.Int(4));
            }
        });
        return claim;
    }

    public bool Renew(string id, string owner, DateTimeOffset until)
    {
        var renewed = false;
        Write((c, tx) =>
        {
            using var cmd = Sql.Command(c, tx, "UPDATE watch_sources SET lease_until = @until WHERE id = @id AND lease_owner = @owner")
                .With("@id", id).With("@owner", owner).With("@until", WatchTime.Format(until));
            renewed = cmd.ExecuteNonQuery() == 1;
        });
        return renewed;
    }

    public void Finish(SourcePoll poll, string owner, DateTimeOffset now) => Write((c, tx) =>
    {
        var failed = poll.Status == "failed";
        using var cmd = Sql.Command(c, tx, """
                UPDATE watch_sources SET
                  etag = @etag, last_modified = @modified, last_status = @status, last_error = @error,
                  last_success = CASE WHEN @failed = 1 THEN last_success ELSE @now END,
                  failures = @failures, errors = errors + @failed, fetches = fetches + 1,
                  not_modified = not_modified + @unchanged, last_new = @new, new_items = new_items + @new,
                  next_poll = @next, lease_owner = NULL, lease_until = NULL
                WHERE id = @id AND (lease_owner = @owner OR lease_owner IS NULL)
                """)
            .With("@id", poll.Id).With("@owner", owner).With("@etag", poll.Validators.ETag).With("@modified", poll.Validators.LastModified)
            .With("@status", poll.Status).With("@error", poll.Error).With("@failed", failed ? 1 : 0).With("@now", WatchTime.Format(now))
            .With("@failures", poll.Failures).With("@unchanged", poll.Status == "not-modified" ? 1 : 0).With("@new", poll.NewItems)
            .With("@next", WatchTime.Format(poll.NextPoll));
        cmd.ExecuteNonQuery();
    });

    public void ReleaseLeases() =>
        Write((c, tx) => Sql.Execute(c, tx, "UPDATE watch_sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL"));

    public IReadOnlyDictionary<string, ItemMark> Items(IReadOnlyCollection<string> urls)
    {
        var found = new Dictionary<string, ItemMark>(StringComparer.Ordinal);
        foreach (var chunk in urls.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            Read(c =>
            {
                using var cmd = Sql.Command(c, null, "");
                cmd.CommandText = "SELECT url, state, attempts, doc_id FROM watch_items WHERE url IN (" + cmd.InList(chunk) + ")";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    found[r.GetString(0)] = new ItemMark(r.GetString(0), r.GetString(1), r.Int(2), r.NullableString(3));
                }

                return 0;
            });
        }

        return found;
    }

    public void Mark(ItemMark item, string source, string? error, DateTimeOffset now) => Write((c, tx) =>
    {
        using var cmd = Sql.Command(c, tx, """
                INSERT INTO watch_items (url, source_id, doc_id, state, attempts, error, seen_at)
                VALUES (@url, @source, @doc, @state, @attempts, @error, @now)
                ON CONFLICT (url) DO UPDATE SET doc_id = excluded.doc_id, state = excluded.state, attempts = excluded.attempts,
                  error = excluded.error, seen_at = excluded.seen_at
                """)
            .With("@url", item.Url).With("@source", source).With("@doc", item.DocId).With("@state", item.State)
            .With("@attempts", item.Attempts).With("@error", error).With("@now", WatchTime.Format(now));
        cmd.ExecuteNonQuery();
    });

    public string? DocumentWithHash(string contentHash) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT id FROM documents WHERE content_hash = @hash ORDER BY id LIMIT 1").With("@hash", contentHash);
        return cmd.ExecuteScalar() as string;
    });

    public IReadOnlyList<WatchSourceRecord> Sources() => Read(c =>
    {
        using var cmd = Sql.Command(c, null, $"SELECT {SourceColumns} FROM watch_sources ORDER BY id");
        return List(cmd, SourceRecord);
    });

    private static WatchSourceRecord SourceRecord(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.NullableString(4), r.NullableString(5),
        r.Int(6), Convert.ToInt64(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt64(r.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt64(r.GetValue(9), System.Globalization.CultureInfo.InvariantCulture), r.Int(10),
        Convert.ToInt64(r.GetValue(11), System.Globalization.CultureInfo.InvariantCulture), r.GetString(12), r.NullableString(13));
}
