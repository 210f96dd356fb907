using System.Text.Json;
using Marsad.Knowledge;
using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Tests.Storage;

/// <summary>
/// The knowledge base every store promises (<see cref="IKnowledgeBase"/> and <see cref="IKnowledgeReader"/>) on top of
/// its documents, run on each store by a subclass: what is applied reads back, merges redirect, counters move by
/// difference, and migrations keep what a previous version stored. Paging is in KnowledgeStoreContract.Paging.cs,
/// migrations in .Migration.cs.
/// </summary>
public abstract partial class KnowledgeStoreContract : DocumentStoreContract
{
    protected abstract override IKnowledgeStore OpenStore();

    private static IKnowledgeStore Filled(IKnowledgeStore store, KnowledgeSample sample)
    {
        foreach (var d in sample.Documents)
        {
            store.Save(d);
        }

        store.Apply(sample.Change());
        return store;
    }

    private static void Same<T>(T expected, T actual) => Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    [SkippableFact]
    public void OneConnectAtATimeAcrossTheProcessesThatWriteTheStore()
    {
        // Two opens of the same store stand for two processes (analyze beside a worker or watch).
        using var first = OpenStore();
        using var second = (IKnowledgeStore)ReopenStore();
        var held = ((IKnowledgeBase)first).Connecting();
        var waiting = Task.Run(() => ((IKnowledgeBase)second).Connecting());
        Assert.False(waiting.Wait(TimeSpan.FromMilliseconds(500)), "a second connect started while the first held the lock");
        held.Dispose();
        Assert.True(waiting.Wait(TimeSpan.FromSeconds(10)), "the second connect did not start once the first let go");
        waiting.Result.Dispose();

        // Let go, the lock is taken again at once.
        using var again = ((IKnowledgeBase)first).Connecting();
    }

    [SkippableFact]
    public void AppliedKnowledgeReadsBack()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);

        Same(sample.Stories[2], store.Story("s2"));
        Assert.Equal(sample.Stories.Where(s => !string.IsNullOrEmpty(s.Last)).Max(s => DateOnly.Parse(s.Last!, System.Globalization.CultureInfo.InvariantCulture)), store.NewestStoryDay());
        Same(sample.Stories[5], ((IKnowledgeBase)store).Story("s5"));
        Assert.Equal(sample.DocumentStories.Where(x => x.Value == "s1").Select(x => x.Key).Order(StringComparer.Ordinal), store.StoryDocuments("s1"));
        Same(sample.Events.Where(e => e.Story == "s3").OrderBy(e => e.Id, StringComparer.Ordinal).ToList(), store.StoryEvents("s3"));
        Same(sample.Events[9], store.Event("e09"));
        Same(sample.Discrepancies.Where(x => x.Story == "s4").ToList(), store.Discrepancies(new KnowledgeQuery { Story = "s4" }).Items);
        Same(sample.Framing[1], store.Framing("s1"));
        Assert.Equal("{\"id\":\"d07\"}", store.DocumentJson("d07"));
        Assert.Null(store.DocumentJson("nope"));
        Assert.Null(store.Event("nope"));

        // The lookups by ids a page's views batch: unknown ids are left out, a repeated id read once.
        Assert.Equal(["d03", "d07"], store.DocumentRows(["d07", "d03", "nope", "d07"]).Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(new DocumentRow("d07", "عنوان d07", "o2", KnowledgeSample.Day(7), "metadata", "s1", null, "نص d07".Length), store.DocumentRows(["d07"]).Single());
        var text = store.DocumentTexts(["d07", "nope"]).Single();
        Assert.Equal(("d07", "نص d07"), (text.Row.Id, text.Text));
        Assert.Equal(["a1", "a3"], store.EntityRows(["a3", "a1", "zz"]).Select(e => e.Entity.Id).Order(StringComparer.Ordinal));
        Assert.Empty(store.EntityRows([]));
        var many = Enumerable.Range(0, 1200).Select(i => "d" + (i % 40).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + (i < 40 ? "" : "x" + i)).ToList();
        Assert.Equal(36, store.DocumentRows(many).Count);

        var duplicates = store.Duplicates(new KnowledgeQuery { Limit = 100 }).Items;
        Assert.Equal(12, duplicates.Count);
        Assert.All(duplicates, p => Assert.True(string.CompareOrdinal(p.A, p.B) < 0));
        Assert.Equal(("d00", "d01", 0.8), (duplicates[0].A, duplicates[0].B, duplicates[0].Similarity));

        // A story's pairs: those with a document in it.
        var inStory = sample.DocumentStories.Where(x => x.Value == "s2").Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        var storyPairs = store.Duplicates(new KnowledgeQuery { Story = "s2", Limit = 100 }).Items;
        Assert.NotEmpty(storyPairs);
        Assert.Equal(
            duplicates.Where(p => inStory.Contains(p.A) || inStory.Contains(p.B)).Select(p => (p.A, p.B)),
            storyPairs.Select(p => (p.A, p.B)));

        var stats = store.Stats();
        Assert.Equal((36, 6, 48, 4, 6, 12, 0), (stats.Documents, stats.Stories, stats.Events, stats.Entities, stats.Discrepancies, stats.Duplicates, stats.Unconnected));
        Assert.Equal(["1"], stats.EngineVersions);

        var row = store.Documents(new KnowledgeQuery { Limit = 1 }).Items.Single();
        Assert.Equal(new DocumentRow("d23", "عنوان d23", "o3", "2024-03-12", "metadata", "s5", null, "نص d23".Length), row);
    }

    [SkippableFact]
    public void StoriesAreFoundByTheirDateWindowAndUndatedByRecency()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        // s0 covers days 0..4, s1 1..5, …: days 6..7 overlap s2 (2..6), s3 (3..7), s4 (4..8).
        Assert.Equal(["s2", "s3", "s4"], store.StoriesBetween(DateOnly.Parse(KnowledgeSample.Day(6)), DateOnly.Parse(KnowledgeSample.Day(7))).Select(s => s.Id));
        Assert.Empty(store.StoriesBetween(new DateOnly(2030, 1, 1), new DateOnly(2030, 2, 1)));

        // A longer story stored later is still found from any day of its span.
        store.Apply(new KnowledgeChange { Stories = [sample.Stories[0] with { Id = "long", First = "2023-01-01", Last = "2023-12-31" }] });
        Assert.Equal(["long"], store.StoriesBetween(new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 1)).Select(s => s.Id));
        Assert.Equal(["long"], store.StoriesBetween(new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 5)).Select(s => s.Id));
        Assert.Equal(["s5"], store.UndatedStories(10).Select(s => s.Id));

        store.Apply(new KnowledgeChange { Stories = [sample.Stories[5] with { Id = "s6" }] });
        Assert.Equal(["s6", "s5"], store.UndatedStories(10).Select(s => s.Id));
        Assert.Equal(["s6"], store.UndatedStories(1).Select(s => s.Id));
    }

    [SkippableFact]
    public void DocumentsAreRebuiltForAnnotation()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        store.Save(sample.Documents[3] with { ContentHash = "new", Published = "2024-05-01", PublishedFrom = "story" });

        var docs = store.Documents(["d05", "missing", "d03", "d35"]).ToList();
        Assert.Equal(["d05", "d03", "d35"], docs.Select(d => d.Id));
        Assert.Equal("نص d05", docs[0].Text);
        Assert.Equal(new DateOnly(2024, 3, 6), docs[0].Published);
        Assert.Equal(Marsad.Model.PublishedFrom.Metadata, docs[0].PublishedFrom);
        Assert.Equal("o3", docs[0].Outlet);
        // A date a story gave is not the document's own; no date stays none.
        Assert.Null(docs[1].Published);
        Assert.Null(docs[2].Published);

        var many = Enumerable.Range(0, 1200).Select(i => "zz" + i).Append("d01").ToList();
        Assert.Equal(["d01"], store.Documents(many).Select(d => d.Id));
    }

    [SkippableFact]
    public void MergedStoriesRedirectWithoutChains()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        var stamp = store.ChangeStamp();

        // s2 into s1 with nothing recomputed: s2's documents, events and discrepancies move as they are.
        store.Apply(new KnowledgeChange { Redirects = new Dictionary<string, string> { ["s2"] = "s1" } });
        Assert.NotEqual(stamp, store.ChangeStamp());
        Assert.Equal("s1", store.ResolveStory("s2"));
        Assert.Null(((IKnowledgeBase)store).Story("s2"));
        Assert.Equal("s1", store.Story("s2")!.Id);
        Assert.Equal(12, store.StoryDocuments("s1").Count);
        Assert.Empty(store.StoryDocuments("s2"));
        Assert.Equal(16, store.Events(new KnowledgeQuery { Story = "s2", Limit = 100 }).Items.Count);
        Assert.All(store.StoryEvents("s1"), e => Assert.Equal("s1", e.Story));
        Assert.Equal(["x1", "x2"], store.Discrepancies(new KnowledgeQuery { Story = "s2" }).Items.Select(x => x.Id));

        // s1 into s0, recomputed: s2 → s1 now points at s0, and s0's events are the ones given.
        var merged = sample.Stories[0] with { Documents = 18 };
        var kept = sample.Events[1] with { Story = "s0" };
        store.Apply(new KnowledgeChange
        {
            Redirects = new Dictionary<string, string> { ["s1"] = "s0" },
            Stories = [merged],
            Events = [kept],
        });
        Assert.Equal("s0", store.ResolveStory("s1"));
        Assert.Equal("s0", store.ResolveStory("s2"));
        Assert.Equal("s0", store.ResolveStory("s0"));
        Assert.Null(store.ResolveStory("nope"));
        Assert.Equal(18, store.StoryDocuments("s0").Count);
        Same(new[] { kept }, store.StoryEvents("s0"));
        Same(merged, store.Story("s2"));
        Assert.Equal(4, store.Stats().Stories);
        Assert.Null(store.Framing("s1"));

        // A merge into a story that was itself merged away lands on its survivor.
        store.Apply(new KnowledgeChange { Redirects = new Dictionary<string, string> { ["s3"] = "s2" } });
        Assert.Equal("s0", store.ResolveStory("s3"));
    }

    [SkippableFact]
    public void EntityCountersMoveByTheReplacedMentions()
    {
        using var store = OpenStore();
        store.Save(DocumentStoreContract.Doc("d1", "h1", "نص"));
        store.Save(DocumentStoreContract.Doc("d2", "h2", "نص"));
        var entities = new[] { "x", "y", "z" }.Select(e => new EntityRecord(e, "actor", e, null, "{}")).ToList();
        store.Apply(new KnowledgeChange
        {
            Entities = entities,
            EntityMentions = new Dictionary<string, IReadOnlyList<EntityMentionCount>>
            {
                ["d1"] = [new("x", "d1", 3), new("y", "d1", 1)],
                ["d2"] = [new("x", "d2", 2)],
            },
        });
        Assert.Equal((5, 2), Counters(store, "x"));
        Assert.Equal((1, 1), Counters(store, "y"));

        store.Apply(new KnowledgeChange
        {
            EntityMentions = new Dictionary<string, IReadOnlyList<EntityMentionCount>> { ["d1"] = [new("x", "d1", 1), new("z", "d1", 4)] },
        });
        Assert.Equal((3, 2), Counters(store, "x"));
        Assert.Equal((0, 0), Counters(store, "y"));
        Assert.Equal((4, 1), Counters(store, "z"));
        Assert.Equal(["z", "x", "y"], store.Entities(new KnowledgeQuery()).Items.Select(e => e.Entity.Id));
        Assert.Equal([("d2", 2), ("d1", 1)], store.EntityDocuments("x", new KnowledgeQuery()).Items.Select(m => (m.Document, m.Count)));

        // An entity the catalogue lacks fails the whole change, which leaves nothing behind.
        var bad = new KnowledgeChange
        {
            Stories = [new StoryRecord("s", "t", null, null, 1, 1, 0, 0, "{}", "{}")],
            EntityMentions = new Dictionary<string, IReadOnlyList<EntityMentionCount>> { ["d2"] = [new("unknown", "d2", 1)] },
        };
        Assert.Contains("unknown", Assert.Throws<InvalidOperationException>(() => store.Apply(bad)).Message);
        Assert.Null(store.Story("s"));
        Assert.Equal((3, 2), Counters(store, "x"));
    }

    private static (int, int) Counters(IKnowledgeStore store, string entity) =>
        store.Entity(entity) is { } e ? (e.Mentions, e.Documents) : throw new InvalidOperationException("no entity " + entity);

    [SkippableFact]
    public void DuplicateCandidatesShareABand()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        // Bands: document i has i/2 and 1000+i.
        var found = store.DuplicateCandidates([3], 10).OrderBy(c => c.Document, StringComparer.Ordinal).ToList();
        Assert.Equal(["d06", "d07"], found.Select(c => c.Document));
        Assert.Equal([6u, 7u, uint.MaxValue], found[0].Signature);
        Assert.Equal(["d30"], store.DuplicateCandidates([1030, 99999], 10).Select(c => c.Document));
        Assert.Single(store.DuplicateCandidates([3, 4], 1));
        Assert.Empty(store.DuplicateCandidates([], 10));
        Assert.Equal(36, store.DuplicateCandidates([.. Enumerable.Range(1000, 36).Select(i => (long)i), .. Enumerable.Range(0, 700).Select(i => (long)i)], 100).Count);

        // A digest upserted again replaces its bands.
        store.Apply(new KnowledgeChange { Digests = [new Marsad.Knowledge.DocumentDigest("d06", [1u], [77])] });
        Assert.Equal(["d07"], store.DuplicateCandidates([3], 10).Select(c => c.Document));
        Assert.Equal([1u], store.DuplicateCandidates([77], 10).Single().Signature);
    }

    [SkippableFact]
    public void SavedDocumentsWaitUnconnectedUntilTheEngineConnectsThem()
    {
        var sample = new KnowledgeSample();
        using var store = OpenStore();
        foreach (var d in sample.Documents.Take(3))
        {
            store.Save(d);
        }

        Assert.Equal(["d00", "d01", "d02"], store.Unconnected(10).OrderBy(x => x, StringComparer.Ordinal));
        Assert.Single(store.Unconnected(1));
        store.Apply(new KnowledgeChange { DocumentStories = new Dictionary<string, string> { ["d00"] = "s0", ["d01"] = "s0" } });
        Assert.Equal(["d02"], store.Unconnected(10));

        // Unchanged input stays connected; a replaced one waits again, still in its story until reconnected.
        Assert.Equal(SaveResult.Unchanged, store.Save(sample.Documents[0]));
        Assert.Equal(SaveResult.Updated, store.Save(sample.Documents[1] with { ContentHash = "changed" }));
        Assert.Equal(["d01", "d02"], store.Unconnected(10).OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(["d00", "d01"], store.StoryDocuments("s0"));
        Assert.Equal(2, store.Stats().Unconnected);

        // A date its story gives is stored, and the document stays connected; one in no story is connected without one.
        Assert.Equal(SaveResult.Updated, store.Save(sample.Documents[0] with { Published = "2018-01-02", PublishedFrom = "story" }));
        Assert.Equal("2018-01-02", store.Get("d00")!.Published);
        store.Apply(new KnowledgeChange { Unstoried = ["d02"] });
        Assert.Equal(["d01"], store.Unconnected(10));
        Assert.Equal(["d00", "d01"], store.StoryDocuments("s0"));
    }

    [SkippableFact]
    public void ReadsRunFromManyThreadsBesideAWriter()
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        using var writing = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; !writing.IsCancellationRequested; i++)
            {
                store.Apply(new KnowledgeChange { Stories = [sample.Stories[0] with { Id = "sx", Title = "t" + i }] });
            }
        });
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(48, store.Events(new KnowledgeQuery { Limit = 100 }).Items.Count);
                Assert.NotNull(store.Story("s3"));
                Assert.Single(store.Documents(["d04"]));
            }
        });
        writing.Cancel();
        writer.Wait();
    }
}
