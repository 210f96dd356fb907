using System.Text.Json;
using Marsad.Model;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Storage;

/// <summary>
/// The work queue of <c>marsad worker</c>: a <c>jobs</c> table beside the documents. Rules:
/// <list type="bullet">
/// <item>a worker claims the oldest job that is queued or whose lease has expired, with <c>FOR UPDATE SKIP LOCKED</c>,
/// so concurrent workers never take the same job and never wait on each other;</item>
/// <item>a claim is a lease: the worker owns the job until <c>lease_until</c>; a killed worker stops renewing and its
/// job becomes claimable again when the lease expires;</item>
/// <item>completion saves the document and marks the job done in one transaction, and only while the worker still owns
/// the job: a worker whose lease was taken over commits nothing, so each job's result is committed exactly once;</item>
/// <item>a job claimed <see cref="MaxAttempts"/> times without completing (it kills its workers) is marked failed
/// instead of being retried forever; an analysis error marks it failed at once with the message.</item>
/// </list>
/// </summary>
public sealed class PostgresJobQueue : IDisposable
{
    public const int MaxAttempts = 3;

    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    private readonly PostgresDocumentStore _store;
    private readonly bool _ownsStore;

    public PostgresJobQueue(PostgresDocumentStore store, bool ownsStore = false)
    {
        _store = store;
        _ownsStore = ownsStore;
    }

    public PostgresDocumentStore Store => _store;

    public static PostgresJobQueue Open(string connectionString) => new(PostgresDocumentStore.Open(connectionString), ownsStore: true);

    /// <summary>Queues articles as one batch (in one transaction); returns the batch id.</summary>
    public Guid Enqueue(IEnumerable<RawArticle> articles)
    {
        var batch = Guid.NewGuid();
        using var connection = _store.DataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        using (var writer = connection.BeginBinaryImport("COPY jobs (batch, doc_id, payload) FROM STDIN (FORMAT BINARY)"))
        {
            // JSONB refuses NUL even escaped: the store's control-character policy applies to queued articles too.
            foreach (var article in articles.Select(ControlCharacters.ReplaceIn))
            {
                writer.StartRow();
                writer.Write(batch, NpgsqlDbType.Uuid);
                writer.Write(article.Id, NpgsqlDbType.Text);
                writer.Write(JsonSerializer.Serialize(article, PayloadOptions), NpgsqlDbType.Jsonb);
            }

            writer.Complete();
        }

        tx.Commit();
        return batch;
    }

    /// <summary>Takes the next job for <paramref name="owner"/> with a lease, or null when nothing is claimable.</summary>
    public QueuedJob? Claim(string owner, TimeSpan lease)
    {
        while (true)
        {
            using var cmd = _store.DataSource.CreateCommand("""
                UPDATE jobs SET state = 'running', lease_owner = $1, lease_until = now() + $2, attempts = attempts + 1
                WHERE id = (SELECT id FROM jobs
                            WHERE state = 'queued' OR (state = 'running' AND lease_until < now())
                            ORDER BY id
                            FOR UPDATE SKIP LOCKED
                            LIMIT 1)
                RETURNING id, batch, payload::text, attempts
                """);
            cmd.Parameters.AddWithValue(owner);
            cmd.Parameters.AddWithValue(lease);
            long id;
            Guid batch;
            string payload;
            int attempts;
            using (var r = cmd.ExecuteReader())
            {
                if (!r.Read())
                {
                    return null;
                }

                id = r.GetInt64(0);
                batch = r.GetGuid(1);
                payload = r.GetString(2);
                attempts = r.GetInt32(3);
            }

            if (attempts > MaxAttempts)
            {
                SetFailed(id, owner, $"abandoned by {MaxAttempts} workers (each stopped before finishing it)");
                continue;
            }

            var article = JsonSerializer.Deserialize<RawArticle>(payload, PayloadOptions)
                ?? throw new InvalidDataException($"job {id} has an empty payload");
            return new QueuedJob(id, batch, article, attempts, owner);
        }
    }

    /// <summary>Extends the lease; false when the job is no longer this worker's.</summary>
    public bool Renew(QueuedJob job, TimeSpan lease)
    {
        using var cmd = _store.DataSource.CreateCommand(
            "UPDATE jobs SET lease_until = now() + $3 WHERE id = $1 AND lease_owner = $2 AND state = 'running'");
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.Owner);
        cmd.Parameters.AddWithValue(lease);
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Saves the document and marks the job done, in one transaction, if the worker still owns the job; returns the save
    /// result, or null when the lease was lost (nothing is written).
    /// </summary>
    public SaveResult? Complete(QueuedJob job, StoredDocument document)
    {
        using var connection = _store.DataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        if (!Owns(connection, tx, job))
        {
            return null;
        }

        var result = PostgresDocumentStore.Save(connection, tx, document);
        using (var done = new NpgsqlCommand(
            "UPDATE jobs SET state = 'done', result = $2, finished_at = now(), lease_until = NULL WHERE id = $1", connection, tx))
        {
            done.Parameters.AddWithValue(job.Id);
            done.Parameters.AddWithValue(result.ToString().ToLowerInvariant());
            done.ExecuteNonQuery();
        }

        tx.Commit();
        return result;
    }

    /// <summary>Marks the job failed with a message (an input the analyzer cannot handle); false when the lease was lost.</summary>
    public bool Fail(QueuedJob job, string error) => SetFailed(job.Id, job.Owner, error);

    /// <summary>The articles of a batch in queue order: the cross-document context (repeated lines per outlet) of its jobs.</summary>
    public IReadOnlyList<RawArticle> Batch(Guid batch)
    {
        using var cmd = _store.DataSource.CreateCommand("SELECT payload::text FROM jobs WHERE batch = $1 ORDER BY id");
        cmd.Parameters.AddWithValue(batch);
        using var r = cmd.ExecuteReader();
        var articles = new List<RawArticle>();
        while (r.Read())
        {
            articles.Add(JsonSerializer.Deserialize<RawArticle>(r.GetString(0), PayloadOptions)!);
        }

        return articles;
    }

    public QueueCounts Counts()
    {
        using var cmd = _store.DataSource.CreateCommand("SELECT state, COUNT(*) FROM jobs GROUP BY state");
        using var r = cmd.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (r.Read())
        {
            counts[r.GetString(0)] = Convert.ToInt32(r.GetInt64(1));
        }

        return new QueueCounts(counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"), counts.GetValueOrDefault("done"), counts.GetValueOrDefault("failed"));
    }

    /// <summary>
    /// Runs a cross-document step (stories, event merge, a search index sync) in at most one process at a time, under a
    /// session advisory lock named by <paramref name="step"/>. Such a step must read its input from the store, where
    /// every committed document is whatever worker stored it and in whatever order, so its result does not depend on
    /// arrival order. Returns false, without running, when another process holds the lock and <paramref name="wait"/> is false.
    /// </summary>
    public bool RunExclusive(string step, Action action, bool wait = true)
    {
        var key = StepLockKey(step);
        using var connection = _store.DataSource.OpenConnection();
        using (var lockCmd = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock($1), true" : "SELECT 0, pg_try_advisory_lock($1)", connection))
        {
            lockCmd.Parameters.AddWithValue(key);
            using var r = lockCmd.ExecuteReader();
            r.Read();
            if (!r.GetBoolean(1))
            {
                return false;
            }
        }

        try
        {
            action();
            return true;
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            unlock.Parameters.AddWithValue(key);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>Every job as (document id, state, attempts, result), in queue order: for reports and tests.</summary>
    public IReadOnlyList<(string DocId, string State, int Attempts, string? Result)> Jobs()
    {
        using var cmd = _store.DataSource.CreateCommand("SELECT doc_id, state, attempts, result FROM jobs ORDER BY id");
        using var r = cmd.ExecuteReader();
        var jobs = new List<(string, string, int, string?)>();
        while (r.Read())
        {
            jobs.Add((r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return jobs;
    }

    public void Dispose()
    {
        if (_ownsStore)
        {
            _store.Dispose();
        }
    }

    // A stable 64-bit key per step name (FNV-1a), the same in every process.
    private static long StepLockKey(string step)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "marsad.step:" + step)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static bool Owns(NpgsqlConnection connection, NpgsqlTransaction tx, QueuedJob job)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT 1 FROM jobs WHERE id = $1 AND lease_owner = $2 AND state = 'running' FOR UPDATE", connection, tx);
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.Owner);
        return cmd.ExecuteScalar() is not null;
    }

    private bool SetFailed(long id, string owner, string error)
    {
        using var cmd = _store.DataSource.CreateCommand(
            "UPDATE jobs SET state = 'failed', error = $3, finished_at = now(), lease_until = NULL WHERE id = $1 AND lease_owner = $2 AND state = 'running'");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(owner);
        cmd.Parameters.AddWithValue(error);
        return cmd.ExecuteNonQuery() == 1;
    }
}
