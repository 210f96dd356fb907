using Marsad.Storage;
using Marsad.Storage.Search;

namespace Marsad.Tests.Search;

public sealed class SearchServiceTests : IDisposable
{
    private readonly DocumentIndex _index = DocumentIndex.InMemory();
    private readonly SearchService _search;

    public SearchServiceTests()
    {
        _index.Upsert(Doc("books", "معرض للكتب", "افتتح الوزير المعرض وتحدث عن أهمية القراءة وبالكتاب يبدأ كل شيء.", "وكالة الأنباء", "2024-01-10"));
        _index.Upsert(Doc("forces", "انسحاب", "أعلن المتحدث انسحاب القوات من المدينة بعد أسبوع.", "Al Arabiya", "2024-02-01",
            entities: ["بغداد"]));
        _index.Upsert(Doc("strike", "هجوم", "استهدف هجوم بطائرة مسيرة للقوات قاعدة قرب بغداد.", "Al Arabiya", "2024-03-05",
            entities: ["بغداد", "عين الأسد"]));
        _index.Upsert(Doc("hospital", "مستشفى", "وصل الجرحى إلى المستشفى الميداني في المدينه.", "صحيفة", "2023-12-30"));
        _index.Commit();
        _search = _index.CreateSearchService();
    }

    private static IndexedDocument Doc(string id, string title, string text, string outlet, string date, string[]? entities = null) => new()
    {
        Id = id,
        Version = "h/1",
        Title = title,
        Text = text,
        Outlet = outlet,
        Published = date,
        Entities = entities ?? [],
    };

    private List<string> Ids(SearchQuery q) => _search.Search(q).Hits.Select(h => h.Id).ToList();

    private List<string> Ids(string text) => Ids(new SearchQuery { Text = text });

    [Fact]
    public void BareWordFindsTheCliticizedForm() => Assert.Contains("books", Ids("كتاب"));

    [Fact]
    public void CliticizedQueryFindsThePlainForms() => Assert.Equal(["forces", "strike"], Ids("والقوات").Order());

    [Fact]
    public void SpellingVariantsMatch()
    {
        Assert.Contains("hospital", Ids("مستشفي"));
        Assert.Contains("forces", Ids("اعلن"));
        Assert.Contains("hospital", Ids("المدينة"));
    }

    [Fact]
    public void TitleMatchRanksFirst() => Assert.Equal("strike", Ids("هجوم القوات")[0]);

    [Fact]
    public void DateRangeIsInclusive()
    {
        var q = new SearchQuery { Text = "القوات", From = new DateOnly(2024, 2, 1), To = new DateOnly(2024, 2, 1) };
        Assert.Equal(["forces"], Ids(q));
    }

    [Fact]
    public void OutletFilterIgnoresCaseAndSpelling()
    {
        Assert.Equal(["forces", "strike"], Ids(new SearchQuery { Text = "القوات", Outlets = ["al arabiya"] }).Order());
        Assert.Equal(["books"], Ids(new SearchQuery { Outlets = ["وكالة الانباء"] }));
    }

    [Fact]
    public void EntityFilterMatchesNamesWithClitics()
    {
        Assert.Equal(["forces", "strike"], Ids(new SearchQuery { Entities = ["لبغداد"] }).Order());
        Assert.Equal(["strike"], Ids(new SearchQuery { Entities = ["عين الاسد"] }));
    }

    [Fact]
    public void DocumentFilterKeepsThoseDocuments()
    {
        Assert.Equal(["strike"], Ids(new SearchQuery { Text = "القوات", Documents = ["strike", "books"] }));
        Assert.Equal(["strike", "forces"], Ids(new SearchQuery { Documents = ["strike", "forces"] }));
        Assert.Empty(Ids(new SearchQuery { Text = "القوات", Documents = [] }));
    }

    [Fact]
    public void FiltersWithoutTextListNewestFirst() => Assert.Equal(["strike", "forces"], Ids(new SearchQuery { Outlets = ["Al Arabiya"] }));

    [Fact]
    public void QuotedPhraseNeedsTheWordsTogether()
    {
        Assert.Equal(["strike"], Ids("\"بطائرة مسيرة\""));
        Assert.Empty(Ids("\"مسيرة بطائرة\""));
    }

    [Fact]
    public void StopWordOnlyQueryFindsNothing() => Assert.Empty(Ids("في من"));

    [Fact]
    public void SnippetHighlightsTheWordAsWritten()
    {
        var hit = _search.Search(new SearchQuery { Text = "كتاب" }).Hits.Single(h => h.Id == "books");
        Assert.Contains(hit.Snippet.Highlights, s => s.Of(hit.Snippet.Text) == "وبالكتاب");
    }

    [Fact]
    public void LongTextSnippetIsAWindowAroundTheMatches()
    {
        using var index = DocumentIndex.InMemory();
        var filler = string.Concat(Enumerable.Repeat("كلام عام لا صلة له بالموضوع ", 60));
        index.Upsert(Doc("long", "عنوان", filler + "وأكدت الحكومة انسحاب القوات. " + filler, "x", "2024-01-01"));
        index.Commit();
        using var search = index.CreateSearchService();
        var hit = search.Search(new SearchQuery { Text = "انسحاب القوات", SnippetLength = 120 }).Hits.Single();
        Assert.StartsWith("…", hit.Snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.Snippet.Text, StringComparison.Ordinal);
        Assert.True(hit.Snippet.Text.Length <= 140);
        Assert.Equal(["انسحاب", "القوات"], hit.Snippet.Highlights.Select(s => s.Of(hit.Snippet.Text)));
    }

    [Fact]
    public void UpsertReplacesAndDeleteRemoves()
    {
        _index.Upsert(Doc("books", "معرض", "نص جديد عن الصواريخ", "x", "2024-01-10"));
        _index.Delete("hospital");
        _index.Commit();
        _search.Refresh();
        Assert.Empty(Ids("كتاب"));
        Assert.Equal(["books"], Ids("صواريخ"));
        Assert.Empty(Ids("مستشفى"));
        Assert.Equal(3, _index.Count);
    }

    [Fact]
    public void RebuildAndCatchUpFollowTheStore()
    {
        var dir = Directory.CreateTempSubdirectory("marsad-index-").FullName;
        try
        {
            using var store = SqliteDocumentStore.Open(Path.Combine(dir, "m.db"));
            store.Save(Storage.DocumentStoreContract.Doc("a", "h1", "وصلت القوات"));
            store.Save(Storage.DocumentStoreContract.Doc("b", "h1", "معرض الكتاب"));
            using var index = DocumentIndex.Open(Path.Combine(dir, "m.db.index"));
            Assert.Equal(2, index.Rebuild(store));
            Assert.Equal(0, index.CatchUp(store));
            store.Save(Storage.DocumentStoreContract.Doc("b", "h2", "معرض الكتب والقوات"));
            store.Save(Storage.DocumentStoreContract.Doc("c", "h3", "خبر آخر"));

            // Only what was written since the rebuild is read in full and indexed (a and b are within the overlap: compared only).
            Assert.Equal(2, index.CatchUp(store));
            Assert.Equal(0, index.CatchUp(store));
            Assert.Equal(3, index.Count);
            using var search = index.CreateSearchService();
            Assert.Equal(["a", "b"], search.Search(new SearchQuery { Text = "قوات" }).Hits.Select(h => h.Id).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void IndexedDocumentReadsEntitiesFromTheJson()
    {
        var stored = Storage.DocumentStoreContract.Doc("a", "h", "نص") with
        {
            Json = """{"id":"a","entities":[{"text":"لبغداد","type":"GPE","ref":"e1"},{"name":"عين الأسد"}],"events":[{"type":"Attack"}]}""",
        };
        var d = IndexedDocument.From(stored);
        Assert.Equal(["لبغداد", "عين الأسد"], d.Entities);
    }

    public void Dispose()
    {
        _search.Dispose();
        _index.Dispose();
    }
}
