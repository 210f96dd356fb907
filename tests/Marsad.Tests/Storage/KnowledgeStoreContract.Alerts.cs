using Marsad.Knowledge;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Alerts;
using Marsad.Storage.Knowledge;

namespace Marsad.Tests.Storage;

/// <summary>The alert storage every store promises: watchlists, alerts once per key, sources added, the outbox, paging.</summary>
public abstract partial class KnowledgeStoreContract
{
    private static Watchlist Watch(string id, string? webhook = null) => new()
    {
        Id = id,
        Name = "قائمة " + id,
        Places = [new WatchedPlace("site-ain-al-asad", "قاعدة عين الأسد", 33.79, 42.44, 20)],
        Keywords = ["الانسحاب"],
        Webhook = webhook,
        Secret = webhook is null ? null : "s3cret",
        Created = "2026-01-01T00:00:00Z",
    };

    private static AlertSource Src(string doc) => new(doc, "منفذ " + doc, "https://example.org/" + doc, "عنوان " + doc, "2024-01-25", "جملة من " + doc + " عن قاعدة عين الأسد.");

    private static AlertRecord Raised(string watchlist, string subject, params string[] docs) =>
        new(watchlist, subject, subject.StartsWith("event:", StringComparison.Ordinal) ? "event" : "document", "s1",
            subject.StartsWith("event:", StringComparison.Ordinal) ? subject[6..] : null, "الهجوم على قاعدة عين الأسد", [.. docs.Select(Src)]);

    [SkippableFact]
    public void WatchlistsReadBackWithTheirSecretAndCriteria()
    {
        using var store = OpenStore();
        store.AddWatchlist(Watch("w1", "https://hooks.example.org/x"));
        store.AddWatchlist(Watch("w2"));
        store.AddWatchlist(Watch("w2") with { Name = "again" });

        var all = store.Watchlists();
        Assert.Equal(["w1", "w2"], all.Select(w => w.Id));
        Assert.Equal("s3cret", all[0].Secret);
        Assert.Equal("قائمة w2", all[1].Name);
        Assert.Equal(20, Assert.Single(all[0].Places).RadiusKm);
        Assert.Equal(["الانسحاب"], store.Watchlist("w2")!.Keywords);
        Assert.Null(store.Watchlist("w3"));
    }

    [SkippableFact]
    public void AnAlertIsStoredOnceAndGainsOnlyNewSources()
    {
        using var store = OpenStore();
        store.AddWatchlist(Watch("w1", "https://hooks.example.org/x"));
        store.Apply(new KnowledgeChange { Alerts = [Raised("w1", "event:v1", "d1"), Raised("w1", "story:s1", "d2"), Raised("gone", "event:v1", "d1")] });
        store.Apply(new KnowledgeChange { Alerts = [Raised("w1", "event:v1", "d1")] });

        var first = store.Alerts("w1", null, 10).Items;
        Assert.Equal(2, first.Count);
        Assert.Equal(2, store.AlertCount(null));
        var v1 = first.Single(a => a.Subject == "event:v1");
        Assert.Equal(AlertWriter.AlertId("w1", "event:v1"), v1.Id);
        Assert.Equal(("v1", "s1", "event"), (v1.Event, v1.Story, v1.Kind));
        Assert.Equal(["d1"], v1.Sources.Select(s => s.Document));
        Assert.Equal("جملة من d1 عن قاعدة عين الأسد.", v1.Quote);
        Assert.Equal(2, store.DueDeliveries(long.MaxValue, 10).Count);

        // A later article repeats the event: the same alert, one more source, moved to the newest change, one more delivery.
        store.Apply(new KnowledgeChange { Alerts = [Raised("w1", "event:v1", "d1", "d3")] });
        var updated = store.Alerts("w1", null, 10).Items;
        Assert.Equal(2, updated.Count);
        Assert.Equal("event:v1", updated[0].Subject);
        Assert.Equal(["d1", "d3"], updated[0].Sources.Select(s => s.Document));
        Assert.True(updated[0].Seq > v1.Seq);
        Assert.Equal(v1.Created, updated[0].Created);
        var deliveries = store.DueDeliveries(long.MaxValue, 10);
        Assert.Equal(new[] { v1.Id + ".1", v1.Id + ".2", AlertWriter.AlertId("w1", "story:s1") + ".1" }.Order(StringComparer.Ordinal), deliveries.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.Equal(("https://hooks.example.org/x", "s3cret"), (d.Url, d.Secret)));
        Assert.Contains("\"delivery\":\"" + v1.Id + ".2\"", deliveries.Single(d => d.Id == v1.Id + ".2").Payload);
    }

    [SkippableFact]
    public void AlertsPageNewestFirstAndFollowOldestFirst()
    {
        using var store = OpenStore();
        store.AddWatchlist(Watch("w1"));
        store.AddWatchlist(Watch("w2"));
        for (var i = 0; i < 7; i++)
        {
            store.Apply(new KnowledgeChange { Alerts = [Raised(i % 2 == 0 ? "w1" : "w2", "event:v" + i, "d" + i)] });
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = store.Alerts(null, cursor, 3);
            seen.AddRange(page.Items.Select(a => a.Subject));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => "event:v" + i), seen);
        Assert.Equal(["event:v1", "event:v3", "event:v5"], store.Alerts("w2", null, 10).Items.Select(a => a.Subject).Reverse());

        var followed = store.AlertsAfter(null, null, null, 4);
        Assert.Equal(["event:v0", "event:v1", "event:v2", "event:v3"], followed.Select(a => a.Subject));
        var rest = store.AlertsAfter(new AlertMark(followed[^1].Seq, followed[^1].Id), null, null, 10);
        Assert.Equal(["event:v4", "event:v5", "event:v6"], rest.Select(a => a.Subject));
        Assert.Empty(store.AlertsAfter(new AlertMark(rest[^1].Seq, rest[^1].Id), null, null, 10));
        Assert.Equal(3, store.AlertsAfter(null, "w2", null, 10).Count);
        Assert.Empty(store.AlertsAfter(null, null, "2999-01-01", 10));
    }

    [SkippableFact]
    public void ADeliveryIsClaimedOnceAndRemovingAWatchlistRemovesItsAlerts()
    {
        using var store = OpenStore();
        store.AddWatchlist(Watch("w1", "https://hooks.example.org/x"));
        store.Apply(new KnowledgeChange { Alerts = [Raised("w1", "event:v1", "d1")] });
        var due = Assert.Single(store.DueDeliveries(long.MaxValue, 10));
        Assert.True(store.ClaimDelivery(due, 5_000));
        Assert.False(store.ClaimDelivery(due, 6_000));
        Assert.Empty(store.DueDeliveries(4_999, 10));
        var leased = Assert.Single(store.DueDeliveries(5_000, 10));
        store.DeliveryFailed(leased.Id, "HTTP 503", 7_000);
        Assert.Equal(1, Assert.Single(store.DueDeliveries(7_000, 10)).Attempts);
        store.DeliverySucceeded(leased.Id, DateTimeOffset.UnixEpoch);
        Assert.Empty(store.DueDeliveries(long.MaxValue, 10));
        Assert.Equal((0L, 1L, 0L), store.DeliveryCounts());

        Assert.True(store.RemoveWatchlist("w1"));
        Assert.False(store.RemoveWatchlist("w1"));
        Assert.Empty(store.Alerts(null, null, 10).Items);
        Assert.Empty(store.Watchlists());
    }

    [SkippableFact]
    public void WatchlistsAndAlertsCopyIntoAnotherStoreOnce()
    {
        using var store = OpenStore();
        store.AddWatchlist(Watch("w1", "https://hooks.example.org/x"));
        store.Apply(new KnowledgeChange { Alerts = [Raised("w1", "event:v1", "d1", "d2")] });
        var memory = new CopyTarget();
        AlertStoreCopy.Copy(store, memory);
        AlertStoreCopy.Copy(store, memory);
        Assert.Equal(["w1"], memory.Watchlists.Select(w => w.Id));
        Assert.Equal(["d1", "d2"], Assert.Single(memory.Alerts).Sources.Select(s => s.Document));
        Assert.Single(memory.Deliveries);
    }

    /// <summary>A target that records what a copy gives it (de-duplicated by id, as a store does).</summary>
    private sealed class CopyTarget : IAlertStore
    {
        public List<Watchlist> Watchlists { get; } = [];

        public List<StoredAlert> Alerts { get; } = [];

        public List<AlertDelivery> Deliveries { get; } = [];

        public void AddWatchlist(Watchlist watchlist)
        {
            if (!Watchlists.Exists(w => w.Id == watchlist.Id))
            {
                Watchlists.Add(watchlist);
            }
        }

        public void ImportAlert(StoredAlert alert)
        {
            if (!Alerts.Exists(a => a.Id == alert.Id))
            {
                Alerts.Add(alert);
            }
        }

        public void ImportDelivery(AlertDelivery delivery)
        {
            if (!Deliveries.Exists(d => d.Id == delivery.Id))
            {
                Deliveries.Add(delivery);
            }
        }

        public bool RemoveWatchlist(string id) => throw new NotSupportedException();

        IReadOnlyList<Watchlist> IAlertStore.Watchlists() => Watchlists;

        public Watchlist? Watchlist(string id) => null;

        public long AlertCount(string? watchlist) => Alerts.Count;

        Page<StoredAlert> IAlertStore.Alerts(string? watchlist, string? cursor, int limit) => new(Alerts, null);

        public IReadOnlyList<StoredAlert> AlertsAfter(AlertMark? after, string? watchlist, string? since, int limit) => [];

        public IReadOnlyList<AlertDelivery> DueDeliveries(long now, int limit) => [];

        public bool ClaimDelivery(AlertDelivery delivery, long leaseUntil) => false;

        public void DeliverySucceeded(string id, DateTimeOffset at)
        {
        }

        public void DeliveryFailed(string id, string error, long? retryAt)
        {
        }

        public (long Pending, long Delivered, long Failed) DeliveryCounts() => (0, 0, 0);
    }
}
