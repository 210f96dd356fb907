using System.Data.Common;
using Marsad.Storage;

namespace Marsad.Tests.Storage;

/// <summary>Schema versions: a store of version 1 is migrated in place and says so; a newer one is refused.</summary>
public abstract partial class KnowledgeStoreContract
{
    /// <summary>A raw connection to the store <see cref="OpenStore"/> opens (before any store has created it).</summary>
    protected abstract DbConnection OpenRaw();

    /// <summary>The type of the version-1 <c>analyzed_at</c> column in this dialect.</summary>
    protected abstract string TimestampType { get; }

    private void WriteSchema1(int version, int documents)
    {
        using var connection = OpenRaw();
        using var cmd = connection.CreateCommand();
        // The DDL of version 1, as the previous release wrote it.
        cmd.CommandText = $"""
            CREATE TABLE schema_info (version INTEGER NOT NULL);
            CREATE TABLE documents (
              id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, source_path TEXT NOT NULL, url TEXT, title TEXT, outlet TEXT,
              published TEXT, published_from TEXT NOT NULL, language TEXT NOT NULL, encoding TEXT NOT NULL,
              removed_count INTEGER NOT NULL, text TEXT NOT NULL, json TEXT NOT NULL, analyzer_version TEXT NOT NULL,
              analyzed_at {TimestampType} NOT NULL);
            CREATE INDEX ix_documents_hash ON documents (content_hash);
            CREATE INDEX ix_documents_published ON documents (published);
            INSERT INTO schema_info (version) VALUES ({version});
            """;
        cmd.ExecuteNonQuery();
        for (var i = 0; i < documents; i++)
        {
            cmd.CommandText = $$"""
                INSERT INTO documents VALUES ('v{{i}}', 'h{{i}}', '/in/v{{i}}.txt', NULL, 'عنوان', 'وكالة', '2024-01-2{{i}}', 'metadata', 'ar', 'utf-8',
                  0, 'نص الخبر {{i}}', '{"id":"v{{i}}"}', '1', '2024-01-2{{i}}T10:00:00Z')
                """;
            cmd.ExecuteNonQuery();
        }
    }

    [SkippableFact]
    public void ASchema1StoreIsMigratedInPlaceAndSaysSo()
    {
        using (OpenRaw())
        {
            // Creates the database (and skips without PostgreSQL) before the old schema is written into it.
        }

        WriteSchema1(1, 3);
        using (var store = OpenStore())
        {
            Assert.Equal("store migrated from schema 1 to 4: 3 documents not yet connected; run 'marsad reanalyze'", store.Migrated);
            Assert.Equal(3, store.Count());
            Assert.Equal("نص الخبر 1", store.Get("v1")!.Text);
            Assert.Equal(["v0", "v1", "v2"], store.Unconnected(10));
            Assert.Equal(3, store.Stats().Unconnected);
            Assert.Equal(["v2", "v1", "v0"], store.Documents(new Marsad.Storage.Knowledge.KnowledgeQuery()).Items.Select(d => d.Id));
            store.Apply(new Marsad.Knowledge.KnowledgeChange { DocumentStories = new Dictionary<string, string> { ["v0"] = "s" } });
        }

        using var again = OpenStore();
        Assert.Null(again.Migrated);
        Assert.Equal(["v1", "v2"], again.Unconnected(10));
    }

    [SkippableFact]
    public void ANewStoreIsNotReportedAsMigrated()
    {
        using var store = OpenStore();
        Assert.Null(store.Migrated);
        Assert.Equal(0, store.Stats().Documents);
    }

    [SkippableFact]
    public void ANewerSchemaIsRefusedWithOneLine()
    {
        using (OpenRaw())
        {
        }

        WriteSchema1(5, 0);
        var ex = Assert.Throws<InvalidOperationException>(() => OpenStore().Dispose());
        Assert.Contains("schema version 5, newer than this program's 4; upgrade Marsad", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
