using Marsad.Cli.Commands;
using Marsad.Knowledge;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Monitoring;

namespace Marsad.Tests.Storage;

/// <summary>
/// <c>marsad reanalyze</c> replaces the store by a shadow built again from the documents: what no analysis derives again
/// (watchlists, alerts, the webhook outbox in every state, the watched sources and the addresses they gave) comes through
/// as it was, the totals still equal the rows, and the change stamp moves on from the old store's.
/// </summary>
public abstract partial class KnowledgeStoreContract
{
    /// <summary>The <c>--db</c> argument of the store <see cref="OpenStore"/> opens.</summary>
    protected abstract string StoreArgument { get; }

    [SkippableFact]
    public void AReanalysisKeepsWatchedSourcesItemsWatchlistsAlertsAndTheOutbox()
    {
        var sample = new KnowledgeSample();
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var urls = new[] { "https://example.org/a", "https://example.org/b", "https://example.org/c" };
        string before;
        string stamp;
        using (var store = OpenStore())
        {
            foreach (var d in sample.Documents.Take(6))
            {
                store.Save(d);
            }

            store.Apply(new KnowledgeChange { DocumentStories = sample.DocumentStories.Where(x => x.Key.CompareTo("d06") < 0).ToDictionary() });
            store.AddWatchlist(Watch("w1", "https://hooks.example.org/x"));
            store.AddWatchlist(Watch("w2"));
            store.AddWatchlist(Watch("w3", "https://hooks.example.org/y"));
            store.Apply(new KnowledgeChange
            {
                Alerts = [Raised("w1", "event:v1", "d00"), Raised("w1", "story:s1", "d01"), Raised("w2", "event:v2", "d02"), Raised("w3", "event:v3", "d03")],
            });

            // One delivery sent, one given up, one waiting.
            var due = store.DueDeliveries(long.MaxValue, 10);
            Assert.Equal(3, due.Count);
            store.DeliverySucceeded(due[0].Id, now);
            store.DeliveryFailed(due[1].Id, "HTTP 410", null);
            store.DeliveryFailed(due[2].Id, "HTTP 503", 42);

            // Two sources, one polled (validators, counters, its items in each state), one leased by a watcher.
            store.AddSources([new WatchSource("https://example.org/feed", WatchSourceKind.Feed), new WatchSource("/data/in", WatchSourceKind.Folder)], now, TimeSpan.FromMinutes(15));
            var claim = store.Claim(["https://example.org/feed"], "watcher-1", now, TimeSpan.FromMinutes(5), null)!;
            store.Mark(new ItemMark(urls[0], ItemStates.Stored, 1, "d00"), claim.Id, null, now);
            store.Mark(new ItemMark(urls[1], ItemStates.Failed, 2, null), claim.Id, "HTTP 500", now);
            store.Mark(new ItemMark(urls[2], ItemStates.Duplicate, 1, "d00"), claim.Id, null, now);
            store.Finish(new SourcePoll(claim.Id, "ok", null, new Validators("\"etag-1\"", "Sun, 01 Mar 2026 07:00:00 GMT"), 3, 0, now.AddMinutes(15)), "watcher-1", now);
            Assert.NotNull(store.Claim(["/data/in"], "watcher-2", now, TimeSpan.FromMinutes(5), null));

            before = Kept(store, urls);
            stamp = store.ChangeStamp();
        }

        Assert.Equal(0, new ReanalyzeRunner(StoreArgument, 4, force: true, quiet: true).Run());

        using var reanalyzed = OpenStore();
        Assert.Equal(before, Kept(reanalyzed, urls));
        Assert.Equal(6, reanalyzed.Stats().Documents);
        Assert.Equal(0, reanalyzed.Stats().Unconnected);
        CountsAreTheRows(reanalyzed);
        var (saved, applied) = Stamp(stamp);
        var (savedNow, appliedNow) = Stamp(reanalyzed.ChangeStamp());
        Assert.True(savedNow > saved && appliedNow > applied, $"the stamp {reanalyzed.ChangeStamp()} does not go on from {stamp}");

        // The carried state works as before: the lease is still the watcher's, the given-up delivery is not sent.
        Assert.True(reanalyzed.Renew("/data/in", "watcher-2", now.AddMinutes(10)));
        Assert.Equal([42L], reanalyzed.DueDeliveries(long.MaxValue, 10).Select(d => d.DueAt));
    }

    /// <summary>What a re-analysis must keep, as one text to compare.</summary>
    private static string Kept(IKnowledgeStore store, IReadOnlyCollection<string> urls) => System.Text.Json.JsonSerializer.Serialize(new
    {
        Watchlists = store.Watchlists(),
        Alerts = store.Alerts(null, null, 100).Items,
        Outbox = store.DeliveryCounts(),
        Due = store.DueDeliveries(long.MaxValue, 10),
        Sources = store.Sources(),
        Items = store.Items(urls).OrderBy(x => x.Key, StringComparer.Ordinal).ToList(),
    });

    private static (long Saved, long Applied) Stamp(string stamp)
    {
        var parts = stamp.Split('|');
        return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
