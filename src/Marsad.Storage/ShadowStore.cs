using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Storage;

/// <summary>
/// The store a re-analysis writes while readers keep the old one, and its promotion in place of the old store. Rules:
/// <list type="bullet">
/// <item>SQLite: the file <c>DB.reanalyze</c> beside the store; promotion checkpoints both files into rollback-journal
/// mode (so no write-ahead log of the old store can be read as the new one's) and renames the shadow over the store,
/// retrying while a reader holds the old file;</item>
/// <item>PostgreSQL: the schema <c>S_reanalyze</c> beside the store's schema S (its search path, else <c>public</c>);
/// promotion copies the work queue's jobs into it and swaps the schemas in one transaction, so a reader sees the old
/// knowledge or the new, never a mix;</item>
/// <item>a shadow left by a stopped re-analysis is kept: the next one resumes from it;</item>
/// <item>the promoted store's change stamp goes on from the old store's (its counts of saves and changes are added to the
/// shadow's), so a reader that caches by the stamp never takes the new store for the old one.</item>
/// </list>
/// </summary>
public static class ShadowStore
{
    private const string Suffix = "_reanalyze";

    /// <summary>How long promotion waits for the readers of a SQLite store to let go of it.</summary>
    private static readonly TimeSpan BusyLimit = TimeSpan.FromSeconds(60);

    /// <summary>The <c>--db</c> value of the shadow of <paramref name="db"/>, created (empty) where it must exist first.</summary>
    public static string Prepare(string db)
    {
        if (!StoreFactory.IsPostgres(db))
        {
            return Path.GetFullPath(db) + ".reanalyze";
        }

        var builder = new NpgsqlConnectionStringBuilder(StoreFactory.ToNpgsqlConnectionString(db));
        var shadow = SchemaOf(builder) + Suffix;
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Quote(shadow)}", connection);
            cmd.ExecuteNonQuery();
        }

        builder.SearchPath = shadow;
        return builder.ConnectionString;
    }

    /// <summary>Whether a re-analysis of <paramref name="db"/> was stopped before its shadow was promoted.</summary>
    public static bool Exists(string db)
    {
        if (!StoreFactory.IsPostgres(db))
        {
            return File.Exists(Path.GetFullPath(db) + ".reanalyze");
        }

        var builder = new NpgsqlConnectionStringBuilder(StoreFactory.ToNpgsqlConnectionString(db));
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'documents')", connection);
        cmd.Parameters.AddWithValue(SchemaOf(builder) + Suffix);
        return cmd.ExecuteScalar() is true;
    }

    /// <summary>Replaces the store <paramref name="db"/> by its shadow (closed by the caller first).</summary>
    public static void Promote(string db)
    {
        if (StoreFactory.IsPostgres(db))
        {
            PromotePostgres(new NpgsqlConnectionStringBuilder(StoreFactory.ToNpgsqlConnectionString(db)));
            return;
        }

        var path = Path.GetFullPath(db);
        var shadow = path + ".reanalyze";
        SqliteConnection.ClearAllPools();
        ToRollbackJournal(shadow);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                ToRollbackJournal(path);
                break;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && watch.Elapsed < BusyLimit)
            {
                // SQLITE_BUSY / SQLITE_LOCKED: a reader holds the old store; it lets go between requests.
                Thread.Sleep(100);
            }
        }

        ContinueStamp(shadow, path);
        File.Move(shadow, path, overwrite: true);

        // The shadow's connect lock file (Knowledge.ConnectLock) has no store left to guard.
        try
        {
            File.Delete(shadow + ".connect.lock");
        }
        catch (IOException)
        {
        }
    }

    // The stamp columns of knowledge_state (saved, applied) of the store added to the shadow's.
    private const string Continue = "UPDATE {0}.knowledge_state SET saved = saved + (SELECT o.saved FROM {1}.knowledge_state o WHERE o.id = 1), applied = applied + (SELECT o.applied FROM {1}.knowledge_state o WHERE o.id = 1) WHERE id = 1";

    private static void ContinueStamp(string shadow, string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = shadow, Pooling = false, DefaultTimeout = 5 }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "ATTACH DATABASE $old AS old";
        cmd.Parameters.AddWithValue("$old", path);
        cmd.ExecuteNonQuery();
        cmd.Parameters.Clear();
        cmd.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Continue, "main", "old") + "; DETACH DATABASE old;";
        cmd.ExecuteNonQuery();
    }

    private static void ToRollbackJournal(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 5 }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
        cmd.ExecuteNonQuery();
    }

    private static void PromotePostgres(NpgsqlConnectionStringBuilder builder)
    {
        var schema = SchemaOf(builder);
        var shadow = schema + Suffix;
        var retired = schema + "_retired";
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        void Execute(string sql)
        {
            using var cmd = new NpgsqlCommand(sql, connection, tx);
            cmd.ExecuteNonQuery();
        }

        // Jobs queued while the shadow was written are the queue's, not the knowledge's: they move with the store.
        Execute($"INSERT INTO {Quote(shadow)}.jobs SELECT * FROM {Quote(schema)}.jobs ON CONFLICT DO NOTHING");
        Execute($"SELECT setval(pg_get_serial_sequence('{Quote(shadow)}.jobs', 'id'), GREATEST((SELECT COALESCE(MAX(id), 1) FROM {Quote(shadow)}.jobs), 1))");
        Execute(string.Format(System.Globalization.CultureInfo.InvariantCulture, Continue, Quote(shadow), Quote(schema)));
        Execute($"DROP SCHEMA IF EXISTS {Quote(retired)} CASCADE");
        Execute($"ALTER SCHEMA {Quote(schema)} RENAME TO {Quote(retired)}");
        Execute($"ALTER SCHEMA {Quote(shadow)} RENAME TO {Quote(schema)}");
        Execute($"DROP SCHEMA {Quote(retired)} CASCADE");
        tx.Commit();
    }

    private static string SchemaOf(NpgsqlConnectionStringBuilder builder) =>
        string.IsNullOrWhiteSpace(builder.SearchPath) ? "public" : builder.SearchPath.Split(',')[0].Trim().Trim('"');

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
