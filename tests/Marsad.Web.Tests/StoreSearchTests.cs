using Marsad.Storage;
using Marsad.Storage.Knowledge;
using Marsad.Storage.Search;

namespace Marsad.Web.Tests;

/// <summary>
/// Serve's search: the store's index on disk, read only, and the background catch-up that follows what others write to
/// the store (it reads only the documents written since the index's mark).
/// </summary>
public sealed class StoreSearchTests : IDisposable
{
    private const string D3 = "قال المتحدث إن المحادثات مع العراق مستمرة وبالعراق فرق فنية.";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-store-search-" + Guid.NewGuid().ToString("N"));

    public StoreSearchTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "m.db");

    private string IndexPath => StoreFactory.DefaultIndexPath(Db);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void CreatesTheIndexAtTheFirstCatchUpThenFindsCliticFormsRanksAndPages()
    {
        Save(Row("d1", "زار الوزير مدينة الموصل يوم الأحد والتقى المحافظ.", "زيارة إلى الموصل"),
            Row("d2", "وصل الوفد إلى العراق أمس. وفي العراق التقى الوفد وزير الخارجية، ثم غادر العراق مساء.", "وفد في العراق"),
            Row("d3", D3, null));
        var (search, catchUp) = Serve();
        using (search)
        {
            // No index yet: searches answer empty until the first check makes one.
            Assert.False(Directory.Exists(IndexPath));
            Assert.Empty(Search(search, "العراق").Items);
            catchUp.CheckOnce();
            Assert.Equal(3, catchUp.LastCaughtUp);

            var hits = Search(search, "العراق").Items;
            Assert.Equal(["d2", "d3"], hits.Select(h => h.Id).ToArray());
            var d3 = hits[1];
            Assert.Equal("text", d3.Field);
            Assert.Contains(d3.Highlights, h => d3.Snippet[h.Start..h.End] == "وبالعراق");
            Assert.Equal(D3[d3.Start..d3.End], d3.Snippet[d3.Highlights[0].Start..d3.Highlights[0].End]);

            // Paged by rank: the second page goes on where the first stopped.
            var first = Search(search, "العراق", limit: 1);
            Assert.Equal(["d2"], first.Items.Select(h => h.Id));
            Assert.Equal(["d3"], Search(search, "العراق", limit: 1, cursor: first.Next).Items.Select(h => h.Id));
            Assert.Empty(Search(search, "zzqqxx").Items);
        }
    }

    [Fact]
    public void ADocumentAnotherWriterStoresIsFoundAfterACatchUpThatReadsOnlyIt()
    {
        Save([.. Enumerable.Range(0, 40).Select(i => Row($"old{i:00}", $"خبر قديم رقم {i} عن الموصل.", null))]);
        using (var store = SqliteDocumentStore.Open(Db))
        using (var index = DocumentIndex.Open(IndexPath))
        {
            // As analyze leaves it: every document indexed, the store's stamp and mark kept with the commit.
            Assert.Equal(40, index.Rebuild(store));
        }

        var (search, catchUp) = Serve();
        using (search)
        {
            catchUp.CheckOnce();
            Assert.Equal(0, catchUp.LastCaughtUp);
            Assert.Equal(40, search.Count);
            Assert.Empty(Search(search, "العراق").Items);

            // A worker stores a document and leaves the index alone.
            Save(Row("new", "أعلنت بغداد أن العراق سيستضيف القمة.", null));
            catchUp.CheckOnce();
            Assert.Equal(1, catchUp.LastCaughtUp);
            Assert.Equal(["new"], Search(search, "العراق").Items.Select(h => h.Id));
            Assert.Equal(41, search.Count);

            // A replaced document is indexed again, alone; a store that did not move costs no catch-up.
            Save(Row("old07", "خبر قديم صار عن العراق.", null) with { ContentHash = "h-old07-2" });
            catchUp.CheckOnce();
            Assert.Equal(1, catchUp.LastCaughtUp);
            Assert.Equal(["new", "old07"], Search(search, "العراق").Items.Select(h => h.Id).Order());
            catchUp.CheckOnce();
            Assert.Equal(0, catchUp.LastCaughtUp);
            Assert.Equal(41, search.Count);
        }
    }

    [Fact]
    public void WhileAnotherProcessWritesTheIndexServeOnlyReadsItsCommits()
    {
        Save(Row("d1", "وصل الوفد إلى العراق أمس.", null));
        using var writer = DocumentIndex.Open(IndexPath);
        var (search, catchUp) = Serve();
        using (search)
        {
            // The writer (analyze) holds the lock: serve does not wait for it, and sees nothing uncommitted.
            catchUp.CheckOnce();
            Assert.Equal(0, catchUp.LastCaughtUp);
            Assert.Empty(Search(search, "العراق").Items);

            using (var store = SqliteDocumentStore.Open(Db))
            {
                Assert.Equal(1, writer.CatchUp(store));
            }

            catchUp.CheckOnce();
            Assert.Equal(0, catchUp.LastCaughtUp);
            Assert.Equal(["d1"], Search(search, "العراق").Items.Select(h => h.Id));
        }
    }

    [Fact]
    public void AMissingStoreIsNeitherCreatedNorIndexed()
    {
        var (search, catchUp) = Serve();
        using (search)
        {
            catchUp.CheckOnce();
            Assert.False(File.Exists(Db));
            Assert.False(Directory.Exists(IndexPath));
            Assert.Empty(Search(search, "العراق").Items);
        }
    }

    private (StoreSearch Search, SearchIndexCatchUp CatchUp) Serve()
    {
        var options = new ServeOptions { DbPath = Db };
        var search = new StoreSearch(options);
        return (search, new SearchIndexCatchUp(search, options));
    }

    private void Save(params StoredDocument[] rows)
    {
        using var store = SqliteDocumentStore.Open(Db);
        foreach (var row in rows)
        {
            store.Save(row);
        }
    }

    private static Api.SearchPage Search(StoreSearch search, string q, int limit = 10, string? cursor = null) =>
        Views.SearchViews.Search(search, EmptyKnowledgeReader.Instance, q, new KnowledgeQuery { Limit = limit, Cursor = cursor });

    private static StoredDocument Row(string id, string text, string? title) =>
        new() { Id = id, ContentHash = "h-" + id, Text = text, Title = title, Json = "{}", Language = "ar" };
}
