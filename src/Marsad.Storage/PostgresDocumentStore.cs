using System.Data.Common;
using Marsad.Model;
using Marsad.Storage.Knowledge;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Storage;

/// <summary>
/// The shared store: PostgreSQL through Npgsql, with the same rows and rules as <see cref="SqliteDocumentStore"/>. Each
/// save (a document, or a batch of them) is one transaction (the rows are locked while their hashes are compared), so
/// several processes may save at once; <see cref="PostgresJobQueue"/> writes documents through
/// <see cref="Save(NpgsqlConnection, NpgsqlTransaction, StoredDocument)"/> inside its own transaction, so a document and
/// its finished job commit together.
/// </summary>
public sealed class PostgresDocumentStore : KnowledgeStore
{
    private readonly NpgsqlDataSource _source;

    private PostgresDocumentStore(NpgsqlDataSource source, string description)
    {
        _source = source;
        Description = description;
    }

    public override string Description { get; }

    internal NpgsqlDataSource DataSource => _source;

    /// <summary>
    /// A session advisory lock of the store's schema, held on a connection of its own until disposed (or until the
    /// process dies and the server closes the connection).
    /// </summary>
    public override IDisposable Connecting() => new AdvisoryLock(_source.OpenConnection());

    private sealed class AdvisoryLock : IDisposable
    {
        private const string Key = "hashtextextended('marsad.connect:' || current_schema(), 0)";

        private readonly NpgsqlConnection _connection;

        public AdvisoryLock(NpgsqlConnection connection)
        {
            _connection = connection;
            try
            {
                using var cmd = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
                cmd.ExecuteNonQuery();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            // The connection goes back to the pool with its session: the lock is let go by name first.
            try
            {
                using var cmd = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
                cmd.ExecuteNonQuery();
            }
            finally
            {
                _connection.Dispose();
            }
        }
    }

    /// <summary>Connects with an Npgsql connection string and migrates the schema; fails with the server's message.</summary>
    public static PostgresDocumentStore Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}"
            + (string.IsNullOrEmpty(builder.SearchPath) ? "" : " (schema " + builder.SearchPath + ")");
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            var migrated = PostgresSchema.Migrate(source, description);
            return new PostgresDocumentStore(source, description) { Migrated = migrated };
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public override string? GetContentHash(string id)
    {
        using var cmd = _source.CreateCommand("SELECT content_hash FROM documents WHERE id = $1");
        cmd.Parameters.AddWithValue(ControlCharacters.Replace(id));
        return cmd.ExecuteScalar() as string;
    }

    public override SaveResult Save(StoredDocument document) => SaveMany([document])[0];

    public override IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<StoredDocument> documents)
    {
        if (documents.Count == 0)
        {
            return [];
        }

        using var connection = _source.OpenConnection();
        using var tx = connection.BeginTransaction();
        var results = SaveMany(connection, tx, documents);
        tx.Commit();
        return results;
    }

    /// <summary>Saves one document inside the caller's transaction (the caller commits).</summary>
    internal static SaveResult Save(NpgsqlConnection connection, NpgsqlTransaction tx, StoredDocument document) =>
        SaveMany(connection, tx, [document])[0];

    /// <summary>
    /// Saves the documents in order inside the caller's transaction (the caller commits), in three round trips whatever
    /// their number: the stored rows of their ids are locked and read (in id order, so that two batches never wait on each
    /// other in a circle), each document is judged against what the batch holds so far, and the count of saves and the
    /// rows to write go in one batch of statements.
    /// </summary>
    internal static IReadOnlyList<SaveResult> SaveMany(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<StoredDocument> documents)
    {
        var docs = documents.Select(StoredDocumentColumns.Clean).ToArray();
        // The state row is taken before the documents are read: a saver of the same new id waits here, then reads the row
        // the other committed, so the counters (StoreCounts) know whether each save inserts or replaces.
        using (var state = new NpgsqlCommand("SELECT 1 FROM knowledge_state WHERE id = 1 FOR UPDATE", connection, tx))
        {
            state.ExecuteNonQuery();
        }

        var held = new Dictionary<string, (string Hash, string Version, string? Published, string From)>(StringComparer.Ordinal);
        var connected = new Dictionary<string, bool>(StringComparer.Ordinal);
        var outlets = new Dictionary<string, string?>(StringComparer.Ordinal);
        using (var check = new NpgsqlCommand(
                   "SELECT id, content_hash, analyzer_version, published, published_from, connected, outlet FROM documents WHERE id = ANY($1) ORDER BY id COLLATE \"C\" FOR UPDATE",
                   connection, tx))
        {
            check.Parameters.AddWithValue(docs.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToArray());
            using var r = check.ExecuteReader();
            while (r.Read())
            {
                held[r.GetString(0)] = (r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4));
                connected[r.GetString(0)] = r.GetInt32(5) != 0;
                outlets[r.GetString(0)] = r.IsDBNull(6) ? null : r.GetString(6);
            }
        }

        var results = new SaveResult[docs.Length];
        var counts = new StoreCounts();
        var days = new OutletDays();
        var writes = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Length; i++)
        {
            var d = docs[i];
            var stored = held.TryGetValue(d.Id, out var h);
            // A date its story gave is stored (same text, same engine): the document stays connected.
            if (stored && h == (d.ContentHash, d.AnalyzerVersion, d.Published, d.PublishedFrom))
            {
                results[i] = SaveResult.Unchanged;
                continue;
            }

            results[i] = stored ? SaveResult.Updated : SaveResult.Inserted;
            var sameText = stored && h.Hash == d.ContentHash && h.Version == d.AnalyzerVersion;
            var wasConnected = stored && connected[d.Id];
            counts.DocumentSaved(stored, wasConnected, sameText);
            if (stored)
            {
                days.Add(outlets[d.Id], h.Published, -1);
            }

            days.Add(d.Outlet, d.Published, 1);
            held[d.Id] = (d.ContentHash, d.AnalyzerVersion, d.Published, d.PublishedFrom);
            connected[d.Id] = wasConnected && sameText;
            outlets[d.Id] = d.Outlet;
            writes.Add(i);
        }

        if (writes.Count == 0)
        {
            return results;
        }

        // The count of saves first: its row lock orders the savers, so the write times taken after it (clock_timestamp(),
        // not the transaction's start) order the commits, and a follower reading "written since" misses none.
        using var batch = new NpgsqlBatch(connection, tx);
        // The stamp reads the same as after as many single saves (KnowledgeSchema.CountSave).
        var count = new NpgsqlBatchCommand("UPDATE knowledge_state SET saved = saved + $1 WHERE id = 1");
        count.Parameters.AddWithValue((long)writes.Count);
        batch.BatchCommands.Add(count);
        foreach (var i in writes)
        {
            batch.BatchCommands.Add(Upsert(docs[i]));
        }

        using (var r = batch.ExecuteReader())
        {
            // The reader starts on the first upsert's row (the count's UPDATE returns no result set).
            var first = true;
            foreach (var i in writes)
            {
                if (!first)
                {
                    r.NextResult();
                }

                first = false;
                r.Read();
                // xmax = 0 on the returned row means it was inserted, not updated; a row this batch already wrote is an update.
                if (results[i] == SaveResult.Inserted && (!r.GetBoolean(0) || !seen.Add(docs[i].Id)))
                {
                    results[i] = SaveResult.Updated;
                }
            }
        }

        counts.Write(connection, tx);
        days.Write(connection, tx);
        return results;
    }

    private static NpgsqlBatchCommand Upsert(StoredDocument document)
    {
        var upsert = new NpgsqlBatchCommand($"""
            INSERT INTO documents (id, content_hash, source_path, url, title, outlet, published, published_from,
                                   language, encoding, removed_count, text, json, analyzer_version, analyzed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, clock_timestamp())
            {StoredDocumentColumns.OnConflict}
            RETURNING (xmax = 0)
            """);
        upsert.Parameters.AddWithValue(document.Id);
        upsert.Parameters.AddWithValue(document.ContentHash);
        upsert.Parameters.AddWithValue(document.SourcePath);
        upsert.Parameters.Add(Text(document.Url));
        upsert.Parameters.Add(Text(document.Title));
        upsert.Parameters.Add(Text(document.Outlet));
        upsert.Parameters.Add(Text(document.Published));
        upsert.Parameters.AddWithValue(document.PublishedFrom);
        upsert.Parameters.AddWithValue(document.Language);
        upsert.Parameters.AddWithValue(document.Encoding);
        upsert.Parameters.AddWithValue(document.RemovedCount);
        upsert.Parameters.AddWithValue(document.Text);
        upsert.Parameters.AddWithValue(document.Json);
        upsert.Parameters.AddWithValue(document.AnalyzerVersion);
        return upsert;
    }

    public override StoredDocument? Get(string id)
    {
        using var cmd = _source.CreateCommand(StoredDocumentColumns.Select + " WHERE id = $1");
        cmd.Parameters.AddWithValue(ControlCharacters.Replace(id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? StoredDocumentColumns.Read(reader) : null;
    }

    public override IEnumerable<StoredDocument> All()
    {
        // Ordinal id order, as SQLite gives; the database's collation might order Arabic ids differently.
        using var cmd = _source.CreateCommand(StoredDocumentColumns.Select + " ORDER BY id COLLATE \"C\"");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredDocumentColumns.Read(reader);
        }
    }

    public override int Count() => Read(c => (int)StoreCounts.Read(c, null, StoreCounts.Documents));

    public override string ChangeStamp() => Read(KnowledgeStamp);

    public override IReadOnlyList<DocumentChange> ChangedSince(DocumentMark? after, int limit)
    {
        const string columns = "SELECT id, content_hash, analyzer_version, analyzed_at FROM documents";
        using var cmd = _source.CreateCommand(after is null
            ? $"{columns} ORDER BY analyzed_at, id LIMIT $1"
            : $"{columns} WHERE (analyzed_at, id) > ($2, $3) ORDER BY analyzed_at, id LIMIT $1");
        cmd.Parameters.AddWithValue(Math.Max(0, limit));
        if (after is { } mark)
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DateTime.SpecifyKind(mark.At.ToUniversalTime(), DateTimeKind.Utc) });
            cmd.Parameters.Add(Text(mark.Id));
        }

        var changes = new List<DocumentChange>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            changes.Add(new DocumentChange(r.GetString(0), r.GetString(1), r.GetString(2), DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc)));
        }

        return changes;
    }

    public override void Dispose() => _source.Dispose();

    protected override T Read<T>(Func<DbConnection, T> query)
    {
        using var connection = _source.OpenConnection();
        return query(connection);
    }

    protected override void Write(Action<DbConnection, DbTransaction> work)
    {
        using var connection = _source.OpenConnection();
        using var tx = connection.BeginTransaction();
        work(connection, tx);
        tx.Commit();
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };
}
