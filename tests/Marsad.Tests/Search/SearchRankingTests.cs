using Marsad.Storage.Search;

namespace Marsad.Tests.Search;

/// <summary>
/// The ranking rules on documents written for the test: phrase and proximity matches first, actors found by any of
/// their catalogue aliases, and the number of hits unchanged by the ranking clauses.
/// </summary>
public sealed class SearchRankingTests : IDisposable
{
    private readonly DocumentIndex _index = DocumentIndex.InMemory();
    private readonly SearchService _search;

    public SearchRankingTests()
    {
        // Shares the stems عين (عينات) and اسد (للأسد) with the query, in its title, but never as the name.
        Add("samples", "انتصار جديد للأسد.. والخبراء جمعوا عينات", "قال الخبراء إنهم جمعوا عينات من المدينة بعد انتصار جديد للأسد على المعارضة.");
        Add("base", null, "أعلنت الفصائل أنها استهدفت بطائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار غرب العراق.");
        Add("base-later", null, "وقالت مصادر إن القاعدة في الأنبار تعرضت لهجوم، وإن عين الأسد تستضيف قوات أجنبية.");
        Add("isis-name", "معارك في الجنوب", "قال مسؤول إن تنظيم الدولة خسر مواقعه في جنوب دمشق بعد معارك عنيفة.");
        Add("isis-short", "هجوم لداعش", "تبنى داعش الهجوم على حاجز للجيش في البادية.");
        Add("state", "اقتصاد الدولة", "قالت الدولة إن الميزانية الجديدة تدعم الصناعة المحلية.");
        _index.Commit();
        _search = _index.CreateSearchService();
    }

    private void Add(string id, string? title, string text) =>
        _index.Upsert(new IndexedDocument { Id = id, Version = "h/1", Title = title, Text = text, Outlet = "Test", Published = "2024-01-01" });

    private List<string> Ids(string text) => _search.Search(new SearchQuery { Text = text }).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void APlaceNameAsAPhraseRanksAboveItsWordsApart()
    {
        Assert.Equal("base", Ids("قاعدة عين الأسد")[0]);
        Assert.Equal(["base", "base-later"], Ids("عين الاسد").Take(2).Order());
    }

    [Fact]
    public void ProximityRanksWithoutChangingWhatMatches()
    {
        // The three documents that hold عين or اسد match, with or without the proximity clauses: the count is theirs.
        var results = _search.Search(new SearchQuery { Text = "عين الأسد" });
        Assert.Equal(3, results.TotalHits);
        Assert.Equal("samples", results.Hits[^1].Id);
    }

    [Fact]
    public void AnActorIsFoundByEveryAliasOfTheCatalogue()
    {
        Assert.Equal(["isis-name", "isis-short"], Ids("داعش").Order());
        Assert.Equal(["isis-name", "isis-short"], Ids("الدولة الإسلامية").Order());
        Assert.Contains("isis-short", Ids("\"تنظيم الدولة\""));
    }

    [Fact]
    public void TheNameWrittenRanksAboveTheOtherAliases() => Assert.Equal("isis-short", Ids("داعش")[0]);

    [Fact]
    public void AWordThatIsPartOfAnAliasAloneIsNotExpanded()
    {
        // الدولة names the Islamic State only after تنظيم.
        Assert.DoesNotContain("isis-short", Ids("الدولة"));
        Assert.Contains("state", Ids("الدولة"));
    }

    public void Dispose()
    {
        _search.Dispose();
        _index.Dispose();
    }
}
