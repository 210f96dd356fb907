using Marsad.Storage;

namespace Marsad.Tests.Storage;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-store-").FullName;

    private string DbPath => Path.Combine(_dir, "nested", "marsad.db");

    [Fact]
    public void NewDocumentIsInsertedAndReadBack()
    {
        using var store = SqliteDocumentStore.Open(DbPath);
        Assert.Equal(SaveResult.Inserted, store.Save(Doc("a", "h1", "نص الخبر")));
        var back = store.Get("a");
        Assert.NotNull(back);
        Assert.Equal("نص الخبر", back.Text);
        Assert.Equal("2024-01-24", back.Published);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void SameInputTwiceIsStoredOnce()
    {
        using var store = SqliteDocumentStore.Open(DbPath);
        store.Save(Doc("a", "h1", "نص"));
        Assert.Equal(SaveResult.Unchanged, store.Save(Doc("a", "h1", "نص")));
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void ChangedContentReplacesTheDocument()
    {
        using var store = SqliteDocumentStore.Open(DbPath);
        store.Save(Doc("a", "h1", "نص قديم"));
        Assert.Equal(SaveResult.Updated, store.Save(Doc("a", "h2", "نص جديد")));
        Assert.Equal("نص جديد", store.Get("a")!.Text);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void NewerAnalyzerReanalyzesAnUnchangedInput()
    {
        using var store = SqliteDocumentStore.Open(DbPath);
        store.Save(Doc("a", "h1", "نص") with { AnalyzerVersion = "1" });
        Assert.Equal(SaveResult.Updated, store.Save(Doc("a", "h1", "نص") with { AnalyzerVersion = "2" }));
    }

    [Fact]
    public void StorePersistsAcrossReopen()
    {
        using (var store = SqliteDocumentStore.Open(DbPath))
        {
            store.Save(Doc("b", "h", "ب"));
            store.Save(Doc("a", "h", "أ"));
        }

        using var again = SqliteDocumentStore.Open(DbPath);
        Assert.Equal(["a", "b"], again.All().Select(d => d.Id));
    }

    [Fact]
    public void AFileThatIsNotADatabaseFailsClearly()
    {
        var path = Path.Combine(_dir, "not.db");
        File.WriteAllText(path, "this is not sqlite, just text that is long enough to be read as a header......");
        var ex = Assert.ThrowsAny<Exception>(() => SqliteDocumentStore.Open(path).Dispose());
        Assert.Contains("not a database", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MissingDocumentIsNull()
    {
        using var store = SqliteDocumentStore.Open(DbPath);
        Assert.Null(store.Get("nope"));
        Assert.Null(store.GetContentHash("nope"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static StoredDocument Doc(string id, string hash, string text) => new()
    {
        Id = id,
        ContentHash = hash,
        Text = text,
        Published = "2024-01-24",
        PublishedFrom = "text",
        Json = "{\"id\":\"" + id + "\"}",
    };
}
