using System.Data.Common;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Runs the numbered steps of <see cref="KnowledgeSchema"/> a store has not had yet, inside the caller's transaction (and,
/// on PostgreSQL, under its advisory lock). A store written by a newer Marsad is refused; one of an older schema is
/// migrated in place and says so.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Migrates; returns the message to show when an existing store was migrated, else null.</summary>
    public static string? Migrate(DbConnection connection, DbTransaction tx, SqlDialect dialect, string description, string step1Extra = "")
    {
        Sql.Execute(connection, tx, "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
        var version = Sql.Long(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_info");
        if (version > KnowledgeSchema.Version)
        {
            throw new InvalidOperationException(KnowledgeSchema.NewerMessage(description, version));
        }

        string[] steps = [KnowledgeSchema.Step1(dialect, step1Extra), KnowledgeSchema.Step2(dialect), KnowledgeSchema.Step3(), KnowledgeSchema.Step4(), KnowledgeSchema.Step5(dialect), KnowledgeSchema.Step6(dialect), KnowledgeSchema.Step7(dialect), KnowledgeSchema.Step8(dialect)];
        for (var step = (int)version + 1; step <= steps.Length; step++)
        {
            Sql.Execute(connection, tx, steps[step - 1]);
        }

        // Only a store from before the knowledge base has something to tell (its documents wait to be connected); later
        // steps change indexes and counters, nothing the user acts on.
        if (version is 0 or >= 2)
        {
            return null;
        }

        var unconnected = StoreCounts.Read(connection, tx, StoreCounts.Unconnected);
        return KnowledgeSchema.MigratedMessage((int)version, unconnected);
    }
}
