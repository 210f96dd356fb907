using Marsad.Storage;
using Marsad.Storage.Search;
using Marsad.Tests.Storage;

namespace Marsad.Tests.Search;

/// <summary>
/// What one hostile document must not do to the search index: a word past Lucene's term limit, an entry Lucene refuses,
/// a rebuild cut short, a query past the clause limit. Each input is built here, in code.
/// </summary>
public sealed class HostileIndexInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-hostile-index-").FullName;

    // 20,000 Arabic letters: 40,000 UTF-8 bytes, past Lucene's 32,766-byte term limit ("immense term").
    private static readonly string ImmenseWord = new('ب', 20_000);

    private static StoredDocument Doc(string id, string text) => DocumentStoreContract.Doc(id, "h-" + id.Length, text);

    [Fact]
    public void ImmenseWordIsLeftOutAndTheRestOfTheDocumentIsIndexed()
    {
        using var index = DocumentIndex.InMemory();
        Assert.True(index.Upsert(Doc("long", "افتتح الوزير " + ImmenseWord + " معرض الكتاب")));
        index.Commit();
        Assert.Equal(0, index.SkippedCount);
        using var search = index.CreateSearchService();
        Assert.Equal(["long"], search.Search(new SearchQuery { Text = "الكتاب" }).Hits.Select(h => h.Id));

        // The same word as a query is no term and no error.
        Assert.Empty(search.Search(new SearchQuery { Text = ImmenseWord }).Hits);
    }

    [Fact]
    public void DocumentTheIndexRefusesIsNamedAndTheRebuildGoesOn()
    {
        using var store = StoreFactory.Open(Path.Combine(_dir, "m.db"));
        store.Save(Doc("ok", "افتتح الوزير معرض الكتاب"));

        // An id is one term: past the limit Lucene refuses the whole entry.
        var huge = new string('ع', 20_000);
        store.Save(Doc(huge, "نص عادي"));
        using var index = DocumentIndex.Open(Path.Combine(_dir, "index"));
        var skipped = new List<string>();
        index.Skipped = (id, reason) => skipped.Add(id);

        Assert.Equal(1, index.Rebuild(store));
        Assert.Equal([huge], skipped);
        Assert.True(index.IsCurrentWith(store.ChangeStamp()));
        using var search = index.CreateSearchService();
        Assert.Equal(1, search.Count);
    }

    [Fact]
    public void UncommittedChangesAreRolledBackNotCommittedOnClose()
    {
        var path = Path.Combine(_dir, "index");
        using (var store = StoreFactory.Open(Path.Combine(_dir, "m.db")))
        {
            store.Save(Doc("a", "افتتح الوزير معرض الكتاب"));
            using var index = DocumentIndex.Open(path);
            index.Rebuild(store);
        }

        using (var index = DocumentIndex.Open(path))
        {
            // A rebuild that dies after emptying the index: nothing committed yet.
            index.Upsert(Doc("b", "نص آخر"));
            Assert.Equal(2, index.Count);
        }

        using var reopened = DocumentIndex.Open(path);
        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public void SecondWriterOfOneIndexFailsClearly()
    {
        var path = Path.Combine(_dir, "index");
        var wait = DocumentIndex.LockWait;
        DocumentIndex.LockWait = TimeSpan.FromMilliseconds(200);
        try
        {
            using var first = DocumentIndex.Open(path);
            var ex = Assert.Throws<InvalidOperationException>(() => DocumentIndex.Open(path));
            Assert.Contains("being written by another process", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            DocumentIndex.LockWait = wait;
        }
    }

    [Fact]
    public void QueryOfMoreWordsThanTheClauseLimitIsRefusedWithAReason()
    {
        using var index = DocumentIndex.InMemory();
        index.Upsert(Doc("a", "افتتح الوزير معرض الكتاب"));
        index.Commit();
        using var search = index.CreateSearchService();
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "كلمة" + i));
        var ex = Assert.Throws<ArgumentException>(() => search.Search(new SearchQuery { Text = words }));
        Assert.Contains("1500 words", ex.Message, StringComparison.Ordinal);

        var allowed = string.Join(' ', Enumerable.Range(0, SearchQueryBuilder.MaxClauses).Select(i => "كلمة" + i));
        Assert.Empty(search.Search(new SearchQuery { Text = allowed }).Hits);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
