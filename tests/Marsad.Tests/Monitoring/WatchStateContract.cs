using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Monitoring;
using Marsad.Tests.Support;

namespace Marsad.Tests.Monitoring;

/// <summary>The watcher's state (schema step 4) on each store: leases, due times, validators, item marks, health.</summary>
public abstract class WatchStateContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    protected abstract IKnowledgeStore OpenStore();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private static readonly WatchSource[] Two =
    [
        new("https://a.example/feed.xml", WatchSourceKind.Feed),
        new("https://b.example/sitemap.xml", WatchSourceKind.Web),
    ];

    private static readonly string[] Ids = [.. Two.Select(s => s.Id)];

    [SkippableFact]
    public void ASourceIsLeasedToOneWatcherAtATimeAndComesBackWhenDueOrWhenItsLeaseExpires()
    {
        using var store = OpenStore();
        store.AddSources(Two, T0, TimeSpan.FromMinutes(15));
        var lease = TimeSpan.FromMinutes(2);
        var a = store.Claim(Ids, "w1", T0, lease, null);
        var b = store.Claim(Ids, "w2", T0, lease, null);
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.NotEqual(a.Id, b.Id);
        Assert.Null(store.Claim(Ids, "w3", T0, lease, null));

        store.Finish(new SourcePoll(a.Id, "ok", null, new Validators("\"v1\"", "Sun, 06 Dec 2026 10:00:00 GMT"), 3, 0, T0.AddMinutes(15)), "w1", T0);
        Assert.Null(store.Claim(Ids, "w3", T0.AddMinutes(1), lease, null));

        // w2 stopped renewing: its source goes to another watcher, and w2 learns it has lost it.
        var taken = store.Claim(Ids, "w3", T0.AddMinutes(3), lease, null);
        Assert.Equal(b.Id, taken?.Id);
        Assert.False(store.Renew(b.Id, "w2", T0.AddMinutes(4)));
        Assert.True(store.Renew(b.Id, "w3", T0.AddMinutes(4)));
        store.Finish(new SourcePoll(b.Id, "ok", null, Validators.None, 0, 0, T0.AddMinutes(60)), "w3", T0.AddMinutes(4));

        // Due again, with the validators of its last fetch.
        var again = store.Claim(Ids, "w1", T0.AddMinutes(16), lease, null);
        Assert.Equal(a.Id, again?.Id);
        Assert.Equal(new Validators("\"v1\"", "Sun, 06 Dec 2026 10:00:00 GMT"), again!.Validators);

        // One pass over every source (--once): those not fetched since the pass began, due or not.
        store.ReleaseLeases();
        Assert.Equal(2, new[] { store.Claim(Ids, "w4", T0.AddMinutes(17), lease, T0.AddMinutes(17)), store.Claim(Ids, "w4", T0.AddMinutes(17), lease, T0.AddMinutes(17)) }.Count(c => c is not null));
        Assert.Null(store.Claim(Ids, "w4", T0.AddMinutes(17), lease, T0.AddMinutes(17)));
    }

    [SkippableFact]
    public void HealthCountsFetchesFailuresAndItemsAndMarksReadBack()
    {
        using var store = OpenStore();
        store.AddSources(Two, T0, TimeSpan.FromMinutes(15));
        var id = Two[0].Id;
        Assert.NotNull(store.Claim([id], "w", T0, TimeSpan.FromMinutes(2), null));
        store.Finish(new SourcePoll(id, "ok", null, new Validators("\"e\"", null), 4, 0, T0.AddMinutes(15)), "w", T0);
        store.Claim([id], "w", T0.AddMinutes(15), TimeSpan.FromMinutes(2), null);
        store.Finish(new SourcePoll(id, "not-modified", null, new Validators("\"e\"", null), 0, 0, T0.AddMinutes(30)), "w", T0.AddMinutes(15));
        store.Claim([id], "w", T0.AddMinutes(30), TimeSpan.FromMinutes(2), null);
        store.Finish(new SourcePoll(id, "failed", "HTTP 503 Service Unavailable", new Validators("\"e\"", null), 0, 1, T0.AddMinutes(60)), "w", T0.AddMinutes(30));

        var health = store.Sources().Single(s => s.Id == id);
        Assert.Equal(("failed", "HTTP 503 Service Unavailable", 1, 1L, 3L, 1L, 0, 4L), (health.LastStatus, health.LastError, health.Failures, health.Errors, health.Fetches, health.NotModified, health.LastNew, health.NewItems));
        Assert.Equal("2026-12-07T04:15:00.000Z", health.LastSuccess);
        Assert.Equal("2026-12-07T05:00:00.000Z", health.NextPoll);
        Assert.Equal("never", Marsad.Web.Api.SourceView.Of(store.Sources().Single(s => s.Id == Two[1].Id)).Status);

        store.Mark(new ItemMark("https://a.example/1", ItemStates.Stored, 1, "https://a.example/1"), id, null, T0);
        store.Mark(new ItemMark("https://a.example/2", ItemStates.Failed, 1, null), id, "HTTP 404", T0);
        store.Mark(new ItemMark("https://a.example/2", ItemStates.Failed, 2, null), id, "HTTP 404", T0);
        var marks = store.Items(["https://a.example/1", "https://a.example/2", "https://a.example/3"]);
        Assert.Equal(2, marks.Count);
        Assert.True(ItemStates.IsSettled(marks["https://a.example/1"]));
        Assert.Equal(2, marks["https://a.example/2"].Attempts);
        Assert.False(ItemStates.IsSettled(marks["https://a.example/2"]));

        Assert.Null(store.DocumentWithHash("h1"));
        store.Save(new StoredDocument
        {
            Id = "d1", ContentHash = "h1", AnalyzerVersion = "1", Text = "نص", SourcePath = "p", PublishedFrom = "none",
            Language = "ar", Encoding = "utf-8", RemovedCount = 0, Json = "{}",
        });
        Assert.Equal("d1", store.DocumentWithHash("h1"));
    }
}

public sealed class SqliteWatchStateTests : WatchStateContract
{
    private readonly TempDir _tmp = new();

    protected override IKnowledgeStore OpenStore() => SqliteDocumentStore.Open(_tmp.File("w.db"));

    public override void Dispose()
    {
        _tmp.Dispose();
        base.Dispose();
    }
}

public sealed class PostgresWatchStateTests : WatchStateContract
{
    private PostgresTestDatabase? _database;

    protected override IKnowledgeStore OpenStore() => StoreFactory.Open((_database ??= PostgresTestDatabase.Create()).ConnectionString);

    /// <summary>Watchers claiming at once on PostgreSQL: each source goes to exactly one of them (SKIP LOCKED).</summary>
    [SkippableFact]
    public void ConcurrentWatchersClaimEachSourceOnce()
    {
        using var store = OpenStore();
        var sources = Enumerable.Range(0, 40).Select(i => new WatchSource($"https://s{i}.example/feed.xml", WatchSourceKind.Feed)).ToList();
        var now = DateTimeOffset.UtcNow;
        store.AddSources(sources, now, TimeSpan.FromMinutes(15));
        var ids = sources.Select(s => s.Id).ToList();
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 6, w =>
        {
            using var mine = StoreFactory.Open(_database!.ConnectionString);
            while (mine.Claim(ids, "w" + w, now, TimeSpan.FromMinutes(2), null) is { } claim)
            {
                claimed.Add(claim.Id);
            }
        });
        Assert.Equal(ids.Order(StringComparer.Ordinal), claimed.Order(StringComparer.Ordinal));
    }

    public override void Dispose()
    {
        _database?.Dispose();
        base.Dispose();
    }
}
