using Npgsql;

namespace Marsad.Storage;

/// <summary>
/// The PostgreSQL schema (the shared steps of <see cref="Knowledge.KnowledgeSchema"/> plus the work queue) and its
/// migration. Several processes may start at once (a fleet of workers), so the migration runs under a
/// transaction-scoped advisory lock; tables live in the connection's search path, so one database can hold several
/// stores in separate schemas.
/// </summary>
internal static class PostgresSchema
{
    // Any constant works; it only has to be the same in every Marsad process.
    private const long MigrationLock = 0x4D61727361640001;

    // The work queue exists on PostgreSQL only; it came with schema version 1.
    private const string Jobs = """
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
        """;

    /// <summary>Migrates to <see cref="Knowledge.KnowledgeSchema.Version"/>; returns the message of an in-place migration, else null.</summary>
    public static string? Migrate(NpgsqlDataSource source, string description)
    {
        using var connection = source.OpenConnection();
        using var tx = connection.BeginTransaction();
        using (var cmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock})", connection, tx))
        {
            cmd.ExecuteNonQuery();
        }

        var migrated = Knowledge.SchemaMigrator.Migrate(connection, tx, Knowledge.SqlDialect.Postgres, description, Jobs);
        tx.Commit();
        return migrated;
    }
}
