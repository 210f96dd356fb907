using Npgsql;

namespace Marsad.Storage;

/// <summary>
/// The PostgreSQL schema (documents and the work queue) and its migration. Several processes may start at once (a
/// fleet of workers), so the migration runs under a transaction-scoped advisory lock; tables live in the connection's
/// search path, so one database can hold several stores in separate schemas.
/// </summary>
internal static class PostgresSchema
{
    public const int Version = 1;

    // Any constant works; it only has to be the same in every Marsad process.
    private const long MigrationLock = 0x4D61727361640001;

    public static void Migrate(NpgsqlDataSource source, string description)
    {
        using var connection = source.OpenConnection();
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, tx, "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
        int version;
        using (var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_info", connection, tx))
        {
            version = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (version > Version)
        {
            throw new InvalidOperationException(
                $"the database {description} has schema version {version}, newer than this program's {Version}; upgrade Marsad");
        }

        if (version < 1)
        {
            Execute(connection, tx, """
                CREATE TABLE IF NOT EXISTS documents (
                  id               TEXT PRIMARY KEY,
                  content_hash     TEXT NOT NULL,
                  source_path      TEXT NOT NULL,
                  url              TEXT,
                  title            TEXT,
                  outlet           TEXT,
                  published        TEXT,
                  published_from   TEXT NOT NULL,
                  language         TEXT NOT NULL,
                  encoding         TEXT NOT NULL,
                  removed_count    INTEGER NOT NULL,
                  text             TEXT NOT NULL,
                  json             TEXT NOT NULL,
                  analyzer_version TEXT NOT NULL,
                  analyzed_at      TIMESTAMPTZ NOT NULL
                );
                CREATE INDEX IF NOT EXISTS ix_documents_hash ON documents (content_hash);
                CREATE INDEX IF NOT EXISTS ix_documents_published ON documents (published);
                CREATE TABLE IF NOT EXISTS jobs (
                  id           BIGSERIAL PRIMARY KEY,
                  batch        UUID NOT NULL,
                  doc_id       TEXT NOT NULL,
                  payload      JSONB NOT NULL,
                  state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
                  attempts     INTEGER NOT NULL DEFAULT 0,
                  lease_owner  TEXT,
                  lease_until  TIMESTAMPTZ,
                  result       TEXT,
                  error        TEXT,
                  enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
                  finished_at  TIMESTAMPTZ
                );
                CREATE INDEX IF NOT EXISTS ix_jobs_claim ON jobs (id) WHERE state IN ('queued', 'running');
                CREATE INDEX IF NOT EXISTS ix_jobs_batch ON jobs (batch);
                INSERT INTO schema_info (version) VALUES (1);
                """);
        }

        tx.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.ExecuteNonQuery();
    }
}
