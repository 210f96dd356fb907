using Marsad.Knowledge;
using Marsad.Storage;
using Marsad.Storage.Knowledge;
using Marsad.Tests.Support;

namespace Marsad.Tests.Storage;

/// <summary>
/// Every statement the knowledge base runs, as SQLite plans it: no full scan of documents, events or stories, and no
/// page sorted after the fact (a page is a range of its order's index), so a read's cost follows its answer.
/// </summary>
public sealed class SqliteKnowledgeQueryPlanTests
{
    [Fact]
    public void EveryKnowledgeStatementUsesAnIndex()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("plans.db"));
        var sample = new KnowledgeSample();
        foreach (var d in sample.Documents)
        {
            store.Save(d);
        }

        var statements = new List<string>();
        void Trace(Microsoft.Data.Sqlite.SqliteConnection c) =>
            SQLitePCL.raw.sqlite3_trace(c.Handle, (SQLitePCL.delegate_trace)((_, sql) => statements.Add(sql.utf8_to_string())), null);
        Trace(store.Connection);
        store.ReaderOpened = Trace;
        store.Apply(sample.Change());
        store.Apply(new KnowledgeChange { Redirects = new Dictionary<string, string> { ["s2"] = "s1" } });
        Exercise(store);
        SQLitePCL.raw.sqlite3_trace(store.Connection.Handle, (SQLitePCL.delegate_trace)null!, null);

        var bad = new List<string>();
        foreach (var sql in statements.Distinct().Where(s => !s.StartsWith("BEGIN", StringComparison.Ordinal) && !s.StartsWith("COMMIT", StringComparison.Ordinal)))
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var detail = r.GetString(3);
                var fullScan = System.Text.RegularExpressions.Regex.IsMatch(detail, @"^SCAN (documents|events|stories|d|e|s)$");
                // A correlated EXISTS must look up its own row, not walk every row that has the filter's value.
                var filterWalk = System.Text.RegularExpressions.Regex.IsMatch(detail, @"EXISTS USING .*INDEX \S+ \((outlet|country|type|entity_id)=\?\)$");
                // A page is a range of its order's index, except under an actor or story filter: the actor's rows, or
                // the story's pairs, are found by their index and sorted (a small share of the store), rather than
                // walked for in the order. A trend's aggregate ranks its keys by their counts: a sort of the keys, not
                // of a page of rows.
                var sorted = detail.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal) && sql.Contains("LIMIT", StringComparison.Ordinal)
                    && !System.Text.RegularExpressions.Regex.IsMatch(sql, @"\.(id|a|b) IN \(SELECT") && !sql.Contains("GROUP BY", StringComparison.Ordinal);
                if (fullScan || filterWalk || sorted)
                {
                    bad.Add(detail + " ← " + sql);
                }
            }
        }

        Assert.True(statements.Count > 40);
        Assert.Empty(bad);
    }

    private static void Exercise(SqliteDocumentStore store)
    {
        IKnowledgeStore k = store;
        k.StoriesBetween(new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 4));
        k.UndatedStories(5);
        k.NewestStoryDay();
        ((IKnowledgeBase)k).Story("s1");
        k.ResolveStory("s2");
        k.StoryDocuments("s1");
        k.StoryEvents("s1");
        _ = k.Documents(["d01", "d02"]).ToList();
        k.DuplicateCandidates([1, 2, 1003], 10);
        k.Unconnected(5);
        k.Stats();
        foreach (var q in new KnowledgeQuery[]
                 {
                     new(), new() { Story = "s2" }, new() { From = "2024-03-03" }, new() { To = "2024-03-05" }, new() { Outlet = "o1" },
                     new() { Country = "IQ" }, new() { Actor = "a2" }, new() { Type = "attack" }, new() { Actor = "a1", Outlet = "o2" },
                     new() { Document = "d05" }, new() { Document = "d05", Story = "s5" },
                 })
        {
            Twice(k.Documents, q);
            Twice(k.Stories, q);
            Twice(k.Events, q);
            Twice(k.Entities, q);
            Twice(x => k.EntityDocuments("a1", x), q);
            Twice(k.Discrepancies, q);
            Twice(k.Duplicates, q);
            foreach (var dimension in Enum.GetValues<TrendDimension>())
            {
                k.Trend(dimension, q, 6);
            }
        }

        k.Story("s2");
        k.Event("e01");
        k.Entity("a1");
        k.Framing("s2");
        k.DocumentJson("d01");
        k.DocumentRows(["d01", "d02"]);
        k.DocumentTexts(["d01", "d02"]);
        k.EntityRows(["a1", "a2"]);
        k.ChangeStamp();
        var changes = k.ChangedSince(null, 2);
        k.ChangedSince(changes[^1].Mark, 5);
        k.GetMany(["d01", "d02"]);
    }

    // The first page and the one after it (with a cursor), so both forms of each statement are planned.
    private static void Twice<T>(Func<KnowledgeQuery, Page<T>> read, KnowledgeQuery q)
    {
        var first = read(q with { Limit = 1 });
        if (first.Next is not null)
        {
            read(q with { Limit = 1, Cursor = first.Next });
        }
    }
}
