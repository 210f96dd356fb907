using Marsad.Knowledge;
using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Tests.Storage;

/// <summary>
/// The totals a store reports are counters its writes keep (never a count of every row): after inserts, replacements,
/// re-applied and shrinking changes, and merges they equal what a COUNT(*) of the rows says (the documents by outlet and
/// day too, read as the whole store's outlet trend), and a version-6 store gets them counted once by its migration.
/// </summary>
public abstract partial class KnowledgeStoreContract
{
    /// <summary>Asserts that the store's totals are the numbers of its rows, counted the slow way on a raw connection.</summary>
    protected void CountsAreTheRows(IKnowledgeStore store)
    {
        using var connection = OpenRaw();
        long Rows(string from)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM " + from;
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var stats = store.Stats();
        Assert.Equal(
            (Rows("documents"), Rows("stories"), Rows("events"), Rows("entities"), Rows("discrepancies"), Rows("duplicates"), Rows("documents WHERE connected = 0")),
            ((long)stats.Documents, (long)stats.Stories, (long)stats.Events, (long)stats.Entities, (long)stats.Discrepancies, (long)stats.Duplicates, (long)stats.Unconnected));
        Assert.Equal(stats.Documents, store.Count());

        var byOutletAndDay = new List<(string, string, int)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT SUBSTR(published, 1, 10), outlet, COUNT(*) FROM documents WHERE outlet > '' AND COALESCE(published, '') > ''
                GROUP BY SUBSTR(published, 1, 10), outlet
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                byOutletAndDay.Add((r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        Assert.Equal(
            byOutletAndDay.Order(),
            store.Trend(TrendDimension.Outlet, new KnowledgeQuery(), 100).Select(t => (t.Day, t.Key, t.Count)).Order());
    }

    [SkippableFact]
    public void TotalsFollowInsertsReplacementsAndMerges()
    {
        var sample = new KnowledgeSample();
        using var store = OpenStore();
        CountsAreTheRows(store);

        // Saved, not yet connected.
        foreach (var d in sample.Documents)
        {
            store.Save(d);
        }

        Assert.Equal((36, 36), (store.Stats().Documents, store.Stats().Unconnected));
        CountsAreTheRows(store);

        store.Apply(sample.Change());
        Assert.Equal((36, 6, 48, 4, 6, 12, 0), Totals(store));
        CountsAreTheRows(store);

        // The same change again: every row is found and replaced, nothing is counted twice.
        store.Apply(sample.Change());
        Assert.Equal((36, 6, 48, 4, 6, 12, 0), Totals(store));

        // A document saved again unchanged stays connected; with a new text or a new engine it waits to be connected
        // again; a new document is one more, unconnected.
        store.Save(sample.Documents[0]);
        store.Save(sample.Documents[1] with { ContentHash = "changed" });
        store.Save(sample.Documents[2] with { AnalyzerVersion = "2" });
        store.Save(sample.Documents[2] with { AnalyzerVersion = "3" });
        store.Save(DocumentStoreContract.Doc("new", "hnew", "نص جديد"));
        // Re-dated by its story and moved to another outlet: the same text stays connected, its day and outlet move.
        store.Save(sample.Documents[3] with { Published = "2031-01-02", Outlet = "o9" });
        store.Save(sample.Documents[4] with { Published = null });
        Assert.Equal((37, 3), (store.Stats().Documents, store.Stats().Unconnected));
        CountsAreTheRows(store);

        // A story's events and discrepancies replaced by fewer, new entities and pairs, a document connected twice in
        // one change, an event moved to another story.
        var s1Events = sample.Events.Where(e => e.Story == "s1").ToList();
        store.Apply(new KnowledgeChange
        {
            Stories = [sample.Stories[1]],
            Events = [s1Events[0], s1Events[1] with { Id = "e-new" }, sample.Events.First(e => e.Story == "s2") with { Story = "s1" }],
            Discrepancies = [],
            DocumentStories = new Dictionary<string, string> { ["d01"] = "s1", ["new"] = "s1" },
            Unstoried = ["new", "d02"],
            Entities = [sample.Entities[0], sample.Entities[0] with { Id = "a9" }],
            Duplicates = [sample.Duplicates[0], new DuplicateRecord("d01", "new", 0.9), new DuplicateRecord("new", "d01", 0.95)],
        });
        CountsAreTheRows(store);
        Assert.Equal((37, 6, 48 - 8 + 3 - 1, 5, 5, 13, 0), Totals(store));

        // Merges: s2 into s1, then s1 into s3 (s2 now redirects to s3); a story revived by a later change counts again.
        store.Apply(new KnowledgeChange { Redirects = new Dictionary<string, string> { ["s2"] = "s1" } });
        store.Apply(new KnowledgeChange { Redirects = new Dictionary<string, string> { ["s1"] = "s3", ["s2"] = "s3" } });
        Assert.Equal(4, store.Stats().Stories);
        CountsAreTheRows(store);
        store.Apply(new KnowledgeChange { Stories = [sample.Stories[2]] });
        Assert.Equal(5, store.Stats().Stories);
        CountsAreTheRows(store);
    }

    [SkippableFact]
    public void AVersion6StoreHasItsTotalsCountedByItsMigration()
    {
        var sample = new KnowledgeSample();
        using (var store = Filled(OpenStore(), sample))
        {
            store.Save(DocumentStoreContract.Doc("late", "hlate", "نص متأخر"));
        }

        // The store as version 6 left it: the same rows, no counters, no counts by outlet and day.
        using (var connection = OpenRaw())
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DROP TABLE counts; DROP TABLE outlet_days; DELETE FROM schema_info WHERE version >= 7";
            cmd.ExecuteNonQuery();
        }

        using var migrated = OpenStore();
        Assert.Null(migrated.Migrated);
        Assert.Equal((37, 6, 48, 4, 6, 12, 1), Totals(migrated));
        CountsAreTheRows(migrated);
        migrated.Apply(new KnowledgeChange { DocumentStories = new Dictionary<string, string> { ["late"] = "s0" } });
        Assert.Equal(0, migrated.Stats().Unconnected);
    }

    private static (int, int, int, int, int, int, int) Totals(IKnowledgeStore store)
    {
        var s = store.Stats();
        return (s.Documents, s.Stories, s.Events, s.Entities, s.Discrepancies, s.Duplicates, s.Unconnected);
    }
}
