using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Tests.Storage;

/// <summary>Keyset paging: every filter of every order, walked in small pages, gives each expected row once, in order.</summary>
public abstract partial class KnowledgeStoreContract
{
    private static List<string> Walk<T>(Func<KnowledgeQuery, Page<T>> read, KnowledgeQuery query, Func<T, string> id)
    {
        var ids = new List<string>();
        var pages = 0;
        for (var page = read(query); ; page = read(query with { Cursor = page.Next }))
        {
            Assert.True(page.Items.Count <= query.ClampedLimit);
            ids.AddRange(page.Items.Select(id));
            Assert.True(++pages < 1000, "paging does not end");
            if (page.Next is null)
            {
                return ids;
            }

            Assert.NotEmpty(page.Items);
        }
    }

    public static TheoryData<string> Filters => ["none", "story", "from", "to", "range", "outlet", "country", "actor", "type", "actor+country", "outlet+type", "document", "document+story"];

    private static KnowledgeQuery Query(string filter) => (filter switch
    {
        "none" => new KnowledgeQuery(),
        "story" => new() { Story = "s2" },
        "from" => new() { From = KnowledgeSample.Day(7) },
        "to" => new() { To = KnowledgeSample.Day(3) },
        "range" => new() { From = KnowledgeSample.Day(2), To = KnowledgeSample.Day(5) },
        "outlet" => new() { Outlet = "o2" },
        "country" => new() { Country = "SY" },
        "actor" => new() { Actor = "a3" },
        "type" => new() { Type = "protest" },
        "actor+country" => new() { Actor = "a1", Country = "IQ" },
        "outlet+type" => new() { Outlet = "o1", Type = "attack" },
        "document" => new() { Document = "d05" },
        "document+story" => new() { Document = "d05", Story = "s5" },
        _ => throw new ArgumentException(filter),
    }) with { Limit = 5 };

    private static bool InRange(string? day, KnowledgeQuery q) =>
        (q.From is null && q.To is null) || (day is not null && (q.From is null || string.CompareOrdinal(day, q.From) >= 0) && (q.To is null || string.CompareOrdinal(day, q.To) <= 0));

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void EventPagesWalkEveryRowOnce(string filter)
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        var q = Query(filter);
        var expected = KnowledgeSample.Newest(sample.Events.Where(e =>
            (q.Story is null || e.Story == q.Story) && InRange(e.Day, q) && (q.Outlet is null || e.Outlets.Contains(q.Outlet))
            && (q.Country is null || e.Country == q.Country) && (q.Actor is null || e.Actors.Contains(q.Actor))
            && (q.Type is null || e.Type == q.Type) && (q.Document is null || e.Documents.Contains(q.Document))), e => e.Day, e => e.Id).Select(e => e.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Walk(store.Events, q, e => e.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void StoryPagesWalkEveryRowOnce(string filter)
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        var q = Query(filter);
        var expected = KnowledgeSample.Newest(sample.Stories.Where(s =>
            (q.Story is null || s.Id == q.Story)
            && (q.From is null || string.CompareOrdinal(s.Last ?? "", q.From) >= 0)
            && (q.To is null || (s.First is not null && string.CompareOrdinal(s.First, q.To) <= 0))
            && (q.Outlet is null || sample.Documents.Any(d => d.Outlet == q.Outlet && sample.DocumentStories[d.Id] == s.Id))
            && (q.Country is null || sample.Events.Any(e => e.Story == s.Id && e.Country == q.Country))
            && (q.Actor is null || sample.Events.Any(e => e.Story == s.Id && e.Actors.Contains(q.Actor)))
            && (q.Type is null || sample.Events.Any(e => e.Story == s.Id && e.Type == q.Type))), s => s.Last, s => s.Id).Select(s => s.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Walk(store.Stories, q with { Limit = 2 }, s => s.Id));
    }

    [SkippableTheory]
    [InlineData("none")]
    [InlineData("story")]
    [InlineData("from")]
    [InlineData("to")]
    [InlineData("range")]
    [InlineData("outlet")]
    [InlineData("actor")]
    public void DocumentPagesWalkEveryRowOnce(string filter)
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        var q = Query(filter);
        var mentions = sample.Mentions();
        var expected = KnowledgeSample.Newest(sample.Documents.Where(d =>
            (q.Story is null || sample.DocumentStories[d.Id] == q.Story) && InRange(d.Published, q) && (q.Outlet is null || d.Outlet == q.Outlet)
            && (q.Actor is null || mentions[d.Id].Any(m => m.Entity == q.Actor))), d => d.Published, d => d.Id).Select(d => d.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Walk(store.Documents, q, d => d.Id));
    }

    [SkippableFact]
    public void EntityDiscrepancyAndDuplicatePagesWalkEveryRowOnce()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        var counts = sample.Mentions().Values.SelectMany(m => m).GroupBy(m => m.Entity).ToDictionary(g => g.Key, g => g.Sum(m => m.Count));
        var entities = sample.Entities.OrderByDescending(e => counts.GetValueOrDefault(e.Id)).ThenByDescending(e => e.Id, StringComparer.Ordinal).Select(e => e.Id);
        Assert.Equal(entities, Walk(store.Entities, new KnowledgeQuery { Limit = 1 }, e => e.Entity.Id));
        Assert.Equal(["a3", "a1"], Walk(store.Entities, new KnowledgeQuery { Limit = 1, Type = "actor" }, e => e.Entity.Id).Order(StringComparer.Ordinal).Reverse());
        var a1 = sample.Mentions().Values.SelectMany(m => m).Where(m => m.Entity == "a1")
            .OrderByDescending(m => m.Count).ThenByDescending(m => m.Document, StringComparer.Ordinal).Select(m => m.Document);
        Assert.Equal(a1, Walk(q => store.EntityDocuments("a1", q), new KnowledgeQuery { Limit = 4 }, m => m.Document));
        Assert.Equal(sample.Discrepancies.Select(x => x.Id), Walk(store.Discrepancies, new KnowledgeQuery { Limit = 4 }, x => x.Id));
        Assert.Equal(12, Walk(store.Duplicates, new KnowledgeQuery { Limit = 5 }, p => p.A + p.B).Distinct().Count());
    }

    [SkippableFact]
    public void ACursorNotGivenByTheStoreIsRefused()
    {
        using var store = OpenStore();
        var ex = Assert.Throws<FormatException>(() => store.Events(new KnowledgeQuery { Cursor = "not a cursor" }));
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Throws<FormatException>(() => store.Entities(new KnowledgeQuery { Cursor = "WyJ4IiwiaWQiXQ" }));
    }

    [SkippableFact]
    public void IdsCompareByteWiseOnEveryStore()
    {
        using var store = OpenStore();
        string[] ids = ["b", "B", "_c", "a-1", "a1", "ا", "Z"];
        foreach (var id in ids)
        {
            store.Save(DocumentStoreContract.Doc(id, "h" + id, "نص"));
        }

        store.Apply(new Marsad.Knowledge.KnowledgeChange { Stories = [.. ids.Select(id => new Marsad.Knowledge.StoryRecord(id, "t", "2024-01-01", "2024-01-02", 1, 1, 0, 0, "{}", "{}"))] });
        var expected = ids.OrderByDescending(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Walk(store.Documents, new KnowledgeQuery { Limit = 2 }, d => d.Id));
        Assert.Equal(expected, Walk(store.Stories, new KnowledgeQuery { Limit = 3 }, s => s.Id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), store.All().Select(d => d.Id));
    }
}
