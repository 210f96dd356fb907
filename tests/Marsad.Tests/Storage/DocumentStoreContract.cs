using Marsad.Storage;

namespace Marsad.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> promises, run against each implementation by a subclass. Each test
/// opens its own empty store through <see cref="OpenStore"/>, and <see cref="ReopenStore"/> reaches the same data again.
/// </summary>
public abstract class DocumentStoreContract : IDisposable
{
    protected abstract IDocumentStore OpenStore();

    protected abstract IDocumentStore ReopenStore();

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    internal static StoredDocument Doc(string id, string hash, string text) => new()
    {
        Id = id,
        ContentHash = hash,
        AnalyzerVersion = "1",
        Text = text,
        Title = "عنوان " + id,
        Outlet = "وكالة",
        Published = "2024-01-24",
        PublishedFrom = "metadata",
        SourcePath = "/in/" + id + ".txt",
        Json = "{\"id\":\"" + id + "\"}",
    };

    [SkippableFact]
    public void NewDocumentIsInsertedAndReadBack()
    {
        using var store = OpenStore();
        Assert.Equal(SaveResult.Inserted, store.Save(Doc("a", "h1", "نص الخبر")));
        var back = store.Get("a");
        Assert.NotNull(back);
        Assert.Equal(Doc("a", "h1", "نص الخبر"), back);
        Assert.Equal(1, store.Count());
        Assert.Equal("h1", store.GetContentHash("a"));
    }

    [SkippableFact]
    public void ControlCharactersBecomeSpacesTheSameWayInEveryStore()
    {
        // SQLite used to cut the text at the NUL (half of it lost, silently); PostgreSQL refused the row.
        using var store = OpenStore();
        var text = "قبل\0بعد\u0001\tسطر\n" + new string('ن', 3000) + "\0" + new string('ب', 3000) + "\u007f";
        Assert.Equal(SaveResult.Inserted, store.Save(Doc("nul\0id", "h1", text) with { Title = "عنوان\0", Outlet = "وكالة\u001b[31m" }));
        var back = store.Get("nul\0id");
        Assert.NotNull(back);
        Assert.Equal(text.Length, back.Text.Length);
        Assert.Equal("قبل بعد \tسطر\n" + new string('ن', 3000) + " " + new string('ب', 3000) + " ", back.Text);
        Assert.Equal("nul id", back.Id);
        Assert.Equal("عنوان ", back.Title);
        Assert.Equal("وكالة [31m", back.Outlet);
    }

    [SkippableFact]
    public void NullFieldsStayNull()
    {
        using var store = OpenStore();
        var doc = Doc("a", "h1", "نص") with { Title = null, Outlet = null, Published = null, Url = null };
        store.Save(doc);
        Assert.Equal(doc, store.Get("a"));
    }

    [SkippableFact]
    public void SameInputTwiceIsStoredOnce()
    {
        using var store = OpenStore();
        store.Save(Doc("a", "h1", "نص"));
        Assert.Equal(SaveResult.Unchanged, store.Save(Doc("a", "h1", "نص")));
        Assert.Equal(1, store.Count());
    }

    [SkippableFact]
    public void ChangedContentReplacesTheDocument()
    {
        using var store = OpenStore();
        store.Save(Doc("a", "h1", "نص قديم"));
        Assert.Equal(SaveResult.Updated, store.Save(Doc("a", "h2", "نص جديد")));
        Assert.Equal("نص جديد", store.Get("a")!.Text);
        Assert.Equal(1, store.Count());
    }

    [SkippableFact]
    public void ChangeStampMovesOnlyWhenADocumentIsAddedOrReplaced()
    {
        using var store = OpenStore();
        var empty = store.ChangeStamp();
        store.Save(Doc("a", "h1", "نص"));
        var one = store.ChangeStamp();
        Assert.NotEqual(empty, one);
        store.Save(Doc("a", "h1", "نص"));
        Assert.Equal(one, store.ChangeStamp());
        Thread.Sleep(5);
        store.Save(Doc("a", "h2", "نص جديد"));
        Assert.NotEqual(one, store.ChangeStamp());
    }

    [SkippableFact]
    public void ChangedSinceReadsWhatWasWrittenAfterTheMarkInWriteOrder()
    {
        using var store = OpenStore();
        Assert.Empty(store.ChangedSince(null, 10));
        store.Save(Doc("b", "h1", "نص"));
        store.Save(Doc("a", "h1", "نص"));
        store.Save(Doc("c", "h1", "نص"));
        var all = store.ChangedSince(null, 10);
        Assert.Equal(["b", "a", "c"], all.Select(c => c.Id));
        Assert.Equal(all.Select(c => c.Mark).Order(), all.Select(c => c.Mark));

        // Paged by the keyset: the second page goes on after the first's last mark.
        var first = store.ChangedSince(null, 2);
        Assert.Equal(["b", "a"], first.Select(c => c.Id));
        Assert.Equal(["c"], store.ChangedSince(first[^1].Mark, 2).Select(c => c.Id));

        // A replaced document moves to the end; an unchanged save moves nothing.
        var mark = store.ChangedSince(null, 10)[^1].Mark;
        store.Save(Doc("c", "h1", "نص"));
        Assert.Empty(store.ChangedSince(mark, 10));
        store.Save(Doc("a", "h2", "نص جديد"));
        var since = Assert.Single(store.ChangedSince(mark, 10));
        Assert.Equal(("a", "h2", "1"), (since.Id, since.ContentHash, since.AnalyzerVersion));

        // A mark read back from its text is the same place.
        Assert.True(DocumentMark.TryParse(mark.Format(), out var parsed));
        Assert.Equal(since.Id, Assert.Single(store.ChangedSince(parsed, 10)).Id);
        Assert.Equal(["a", "b"], store.GetMany(["b", "a", "zz"]).Select(d => d.Id).Order());
    }

    [SkippableFact]
    public void NewerAnalyzerReanalyzesAnUnchangedInput()
    {
        using var store = OpenStore();
        store.Save(Doc("a", "h1", "نص") with { AnalyzerVersion = "1" });
        Assert.Equal(SaveResult.Updated, store.Save(Doc("a", "h1", "نص") with { AnalyzerVersion = "2" }));
        Assert.Equal("2", store.Get("a")!.AnalyzerVersion);
    }

    [SkippableFact]
    public void StorePersistsAcrossReopen()
    {
        using (var store = OpenStore())
        {
            store.Save(Doc("b", "h", "ب"));
            store.Save(Doc("a", "h", "أ"));
        }

        using var again = ReopenStore();
        Assert.Equal(["a", "b"], again.All().Select(d => d.Id));
    }

    [SkippableFact]
    public void AllIsInOrdinalIdOrder()
    {
        using var store = OpenStore();
        foreach (var id in new[] { "ب", "B", "a", "10", "9", "أ" })
        {
            store.Save(Doc(id, "h", "نص"));
        }

        Assert.Equal(new[] { "ب", "B", "a", "10", "9", "أ" }.Order(StringComparer.Ordinal), store.All().Select(d => d.Id));
    }

    [SkippableFact]
    public void MissingDocumentIsNull()
    {
        using var store = OpenStore();
        Assert.Null(store.Get("nope"));
        Assert.Null(store.GetContentHash("nope"));
        Assert.Equal(0, store.Count());
        Assert.Empty(store.All());
    }

    [SkippableFact]
    public void LongArabicTextWithEveryKindOfCharacterRoundTrips()
    {
        using var store = OpenStore();
        var text = string.Concat(Enumerable.Repeat("قالَ المتحدّث «إنّ ٢٥٠٠ جندي» 😀 \u200f\n", 2000));
        store.Save(Doc("a", "h", text));
        Assert.Equal(text, store.Get("a")!.Text);
    }

    [SkippableFact]
    public void ConcurrentWritersStoreEveryDocumentOnce()
    {
        using (OpenStore())
        {
        }

        Parallel.For(0, 4, w =>
        {
            using var store = ReopenStore();
            for (var i = 0; i < 25; i++)
            {
                // Every writer also saves the shared documents: each must end up stored once.
                store.Save(Doc($"w{w}-{i:D2}", "h", "نص"));
                store.Save(Doc($"shared-{i:D2}", "h", "نص"));
            }
        });

        using var check = ReopenStore();
        Assert.Equal(125, check.Count());
        Assert.Equal(125, check.All().Select(d => d.Id).Distinct().Count());
    }

    [SkippableFact]
    public void SaveManySavesEachDocumentInOrderAsSaveWould()
    {
        using var store = OpenStore();
        store.Save(Doc("a", "h1", "نص"));
        store.Save(Doc("d", "h1", "نص") with { AnalyzerVersion = "1" });
        var before = store.ChangeStamp();
        var mark = store.ChangedSince(null, 10)[^1].Mark;

        var results = store.SaveMany(
        [
            Doc("a", "h1", "نص"),                                  // the same as stored
            Doc("b", "h1", "نص ب"),                                // new
            Doc("a", "h2", "نص جديد"),                             // changed text
            Doc("c", "h1", "نص ج"),                                // new
            Doc("c", "h1", "نص ج"),                                // the same as saved just before, in the batch
            Doc("c", "h3", "نص ج آخر"),                            // changed again in the batch
            Doc("d", "h1", "نص") with { AnalyzerVersion = "2" },   // a newer engine
            Doc("a", "h2", "نص جديد") with { Published = "2024-02-01", PublishedFrom = "story" },   // dated by its story
        ]);

        Assert.Equal(
            [SaveResult.Unchanged, SaveResult.Inserted, SaveResult.Updated, SaveResult.Inserted, SaveResult.Unchanged, SaveResult.Updated, SaveResult.Updated, SaveResult.Updated],
            results);
        Assert.Equal(4, store.Count());
        Assert.Equal("نص ج آخر", store.Get("c")!.Text);
        Assert.Equal(("h2", "2024-02-01", "story"), (store.Get("a")!.ContentHash, store.Get("a")!.Published, store.Get("a")!.PublishedFrom));
        Assert.Equal("2", store.Get("d")!.AnalyzerVersion);
        Assert.NotEqual(before, store.ChangeStamp());

        // Written in the batch's order, each with its own write time: a follower reads them after the mark, in that order.
        var since = store.ChangedSince(mark, 10);
        Assert.Equal(["b", "c", "d", "a"], since.Select(c => c.Id));
        Assert.Equal(since.Select(c => c.Mark).Order(), since.Select(c => c.Mark));
    }

    [SkippableFact]
    public void SaveManyMovesTheStampAsManySavesWould()
    {
        using var store = OpenStore();
        Assert.Empty(store.SaveMany([]));
        var empty = store.ChangeStamp();
        store.SaveMany([Doc("a", "h1", "نص"), Doc("b", "h1", "نص")]);
        var two = store.ChangeStamp();
        Assert.NotEqual(empty, two);

        // Unchanged documents move nothing; a batch of two saves counts as two single saves do.
        Assert.Equal([SaveResult.Unchanged, SaveResult.Unchanged], store.SaveMany([Doc("a", "h1", "نص"), Doc("b", "h1", "نص")]));
        Assert.Equal(two, store.ChangeStamp());
        store.Save(Doc("c", "h1", "نص"));
        store.Save(Doc("d", "h1", "نص"));
        var singles = store.ChangeStamp();
        store.SaveMany([Doc("e", "h1", "نص"), Doc("f", "h1", "نص")]);
        Assert.Equal(Saves(singles) - Saves(two), Saves(store.ChangeStamp()) - Saves(singles));

        static long Saves(string stamp) => long.Parse(stamp.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableFact]
    public void ARefusedDocumentStoresNoneOfItsBatch()
    {
        using var store = OpenStore();
        store.Save(Doc("a", "h1", "نص"));
        var stamp = store.ChangeStamp();

        // The store refuses a row without its date's origin (a required column): the batch is one transaction.
        Assert.ThrowsAny<Exception>(() => store.SaveMany([Doc("a", "h2", "نص جديد"), Doc("b", "h1", "نص"), Doc("c", "h1", "نص") with { PublishedFrom = null! }]));

        Assert.Equal(1, store.Count());
        Assert.Equal("h1", store.GetContentHash("a"));
        Assert.Null(store.Get("b"));
        Assert.Equal(stamp, store.ChangeStamp());
        Assert.Equal(SaveResult.Inserted, store.Save(Doc("b", "h1", "نص")));
    }

    [SkippableFact]
    public void ConcurrentBatchesStoreEveryDocumentOnce()
    {
        using (OpenStore())
        {
        }

        // Every writer saves the shared documents too, each in another order: none waits on another for ever.
        Parallel.For(0, 4, w =>
        {
            using var store = ReopenStore();
            for (var round = 0; round < 5; round++)
            {
                var shared = Enumerable.Range(0, 10).Select(i => Doc($"shared-{(i * (w + 1) + round) % 10:D2}", "h", "نص"));
                var own = Enumerable.Range(0, 5).Select(i => Doc($"w{w}-{round}-{i}", "h", "نص"));
                var results = store.SaveMany([.. own.Concat(shared)]);
                Assert.Equal(15, results.Count);
            }
        });

        using var check = ReopenStore();
        Assert.Equal(4 * 5 * 5 + 10, check.Count());
        Assert.Equal(check.Count(), check.All().Select(d => d.Id).Distinct().Count());
    }
}
