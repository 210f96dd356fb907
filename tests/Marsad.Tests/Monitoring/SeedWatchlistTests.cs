using System.ServiceModel.Syndication;
using System.Xml;
using Marsad.Cli.Commands;
using Marsad.Extract.Places;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Alerts;
using Marsad.Tests.Support;
using Marsad.Web;
using Xunit.Abstractions;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// Watchlists on the seed articles, as a reader following Iraq would set them: one on Ain al-Asad (20 km around the
/// base) and one on the Islamic Resistance in Iraq. Whatever order the articles arrive in (all at once, one at a time,
/// backwards, then again), each raises the same alerts, once each.
/// </summary>
public sealed class SeedWatchlistTests(ITestOutputHelper output)
{
    private const string Resistance = "islamic-resistance-iraq";

    private static readonly Place AinAlAsad = Gazetteer.Default.Get("site-ain-al-asad")!;

    [SharedFact]
    public void TheSeedsRaiseWhatAReaderExpectsOnceWhateverTheOrder()
    {
        var seeds = Directory.GetFiles(SharedData.SeedsDir, "*.txt").Order(StringComparer.Ordinal).ToList();
        using var dir = new TempDir();
        var stores = new[]
        {
            ("all at once", Build(dir.File("batch.db"), [[SharedData.SeedsDir]])),
            ("one at a time", Build(dir.File("one.db"), [.. seeds.Select(s => new[] { s })])),
            ("backwards", Build(dir.File("backwards.db"), [.. Enumerable.Reverse(seeds).Select(s => new[] { s })])),
        };

        foreach (var (name, db) in stores)
        {
            output.WriteLine(name + ":\n  " + string.Join("\n  ", Signatures(db)));
            Expected(db);
        }

        // The events alerted are the same however the articles came, and so are the articles each watchlist reported
        // (an article that arrives before the one completing an event is reported by its story instead).
        var first = stores[0].Item2;
        foreach (var (_, db) in stores.Skip(1))
        {
            Assert.Equal(EventAlerts(first), EventAlerts(db));
            Assert.Equal(Reported(first), Reported(db));
        }

        // Again: the same article analyzed again, and the whole store re-analyzed, raise nothing new.
        var again = stores[1].Item2;
        // Every alert stays as the reader got it (no source repeated), and the Ain al-Asad attacks are still alerted once
        // each. A re-analysis forms events afresh and may find one the first analysis did not: that one is new.
        var before = Snapshot(again);
        Assert.Equal(0, AnalyzeRunner.Run(new AnalyzeOptions([seeds[2]], null, again, Quiet: true, NoIndex: true)));
        var readded = Snapshot(again);
        output.WriteLine("new after re-adding: " + string.Join(" | ", readded.Except(before)));
        Assert.Subset(readded.ToHashSet(), before.ToHashSet());
        Expected(again);
        Assert.Equal(0, new ReanalyzeRunner(again, 2, force: true, quiet: true).Run());
        var reanalyzed = Snapshot(again);
        output.WriteLine("new after re-analysis: " + string.Join(" | ", reanalyzed.Except(readded)));
        Assert.Subset(reanalyzed.ToHashSet(), readded.ToHashSet());
    }

    [SharedFact]
    public void TheAtomFeedOfAWatchlistParsesBack()
    {
        using var dir = new TempDir();
        var db = Build(dir.File("seeds.db"), [[SharedData.SeedsDir]]);
        using var store = StoreFactory.Open(db);
        foreach (var w in store.Watchlists())
        {
            var alerts = store.Alerts(w.Id, null, 100).Items;
            Assert.NotEmpty(alerts);
            var xml = AlertFeed.Write(w, alerts, "http://127.0.0.1:5080");
            using var reader = XmlReader.Create(new MemoryStream(xml));
            var formatter = new Atom10FeedFormatter();
            Assert.True(formatter.CanRead(reader));
            formatter.ReadFrom(reader);
            var feed = formatter.Feed;
            Assert.Equal("urn:marsad:watchlist:" + w.Id, feed.Id);
            Assert.Equal("Marsad: " + w.Name, feed.Title.Text);
            Assert.Equal(alerts.Select(a => "urn:marsad:alert:" + a.Id), feed.Items.Select(i => i.Id));
            Assert.Equal(alerts.Select(a => a.Title), feed.Items.Select(i => i.Title.Text));
            Assert.All(feed.Items.Zip(alerts), x => Assert.Contains(x.Second.Quote, ((TextSyndicationContent)x.First.Content).Text, StringComparison.Ordinal));
        }
    }

    /// <summary>What a reader of the two watchlists expects of the seeds, checked on one store.</summary>
    private static void Expected(string db)
    {
        using var store = StoreFactory.Open(db);
        var (ain, resistance) = (store.Watchlists().Single(w => w.Name == "عين الأسد"), store.Watchlists().Single(w => w.Name != "عين الأسد"));

        // Ain al-Asad: the attacks on the base in January 2020 (001) and on 20 and 24 January 2024 (002), each once,
        // quoted where the base is named, and nothing that happened elsewhere.
        var ainAlerts = All(store, ain.Id);
        var events = ainAlerts.Where(a => a.Event is not null).Select(a => store.Event(a.Event!)!).ToList();
        Assert.All(events, e => Assert.True(e.Place == AinAlAsad.Id || GeoDistance.Km(e.Lat!.Value, e.Lon!.Value, AinAlAsad.Lat, AinAlAsad.Lon) <= 20, e.Id + " at " + e.Place));
        Assert.Equal(["2020-01-08", "2024-01-20", "2024-01-24"], events.Where(e => e.Type == "attack").Select(e => e.Date).Order(StringComparer.Ordinal));
        Assert.All(ainAlerts.Where(a => a.Event is { } e && store.Event(e)!.Type == "attack"), a => Assert.Contains("عين الأسد", a.Quote, StringComparison.Ordinal));
        var place = Mentioning(store, AinAlAsad.Id);
        Assert.All(ainAlerts, a => Assert.All(a.Sources, s => Assert.Contains(s.Document, place)));

        // The Islamic Resistance in Iraq: its vow to go on attacking (003) is quoted, and every source names it.
        var resistanceAlerts = All(store, resistance.Id);
        Assert.Contains(resistanceAlerts, a => a.Sources.Any(s => s.Document.StartsWith("003_", StringComparison.Ordinal)
            && s.Quote.Contains("المقاومة الإسلامية في العراق", StringComparison.Ordinal)));
        var named = Mentioning(store, Resistance);
        Assert.All(resistanceAlerts, a => Assert.All(a.Sources, s => Assert.Contains(s.Document, named)));

        // Once each: no merged event is alerted twice by one watchlist, and no article reported twice but for two events.
        foreach (var alerts in new[] { ainAlerts, resistanceAlerts })
        {
            var keys = alerts.Where(a => a.Event is not null).Select(a => Key(store.Event(a.Event!)!)).ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            var storied = alerts.Where(a => a.Event is null).SelectMany(a => a.Sources.Select(s => s.Document)).ToList();
            Assert.Equal(storied.Count, storied.Distinct(StringComparer.Ordinal).Count());
            Assert.Empty(storied.Intersect(alerts.Where(a => a.Event is not null).SelectMany(a => a.Sources.Select(s => s.Document))));
            Assert.All(alerts, a => Assert.False(string.IsNullOrWhiteSpace(a.Quote)));
        }
    }

    /// <summary>The events alerted (type, date, place), per watchlist.</summary>
    private static List<string> EventAlerts(string db) =>
        [.. Signatures(db).Where(s => !s.Contains(" | document", StringComparison.Ordinal)).Select(s => s[..s.IndexOf(" <-", StringComparison.Ordinal)])];

    /// <summary>Every alert by id with its sources: what a reader has been told.</summary>
    private static List<string> Snapshot(string db)
    {
        using var store = StoreFactory.Open(db);
        return [.. store.AlertsAfter(null, null, null, 1000).Select(a => a.Id + " " + a.Title + " <- " + string.Join(",", a.Sources.Select(s => s.Document))).Order(StringComparer.Ordinal)];
    }

    /// <summary>Per watchlist, the articles its alerts report.</summary>
    private static List<string> Reported(string db)
    {
        using var store = StoreFactory.Open(db);
        return [.. store.Watchlists().Select(w => w.Name + ": " + string.Join(",", All(store, w.Id).SelectMany(a => a.Sources).Select(s => s.Document).Distinct().Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>A store with the two watchlists, the given inputs analyzed into it one call each.</summary>
    private static string Build(string db, IReadOnlyList<string[]> inputs)
    {
        using (var store = StoreFactory.Open(db))
        {
            var now = DateTimeOffset.UnixEpoch;
            store.AddWatchlist(WatchlistBuilder.Default.Build(new WatchlistRequest { Name = "عين الأسد", Places = ["قاعدة عين الأسد"], RadiusKm = 20 }, now));
            store.AddWatchlist(WatchlistBuilder.Default.Build(new WatchlistRequest { Actors = ["المقاومة الإسلامية في العراق"] }, now));
        }

        foreach (var input in inputs)
        {
            Assert.Equal(0, AnalyzeRunner.Run(new AnalyzeOptions(input, null, db, Quiet: true, NoIndex: true)));
        }

        return db;
    }

    /// <summary>Each alert as what it is about (its event's type, date and place, or its kind) and its sources.</summary>
    private static List<string> Signatures(string db)
    {
        using var store = StoreFactory.Open(db);
        var names = store.Watchlists().ToDictionary(w => w.Id, w => w.Name, StringComparer.Ordinal);
        return [.. store.Watchlists().SelectMany(w => All(store, w.Id)).Select(a =>
                names[a.Watchlist] + " | " + (a.Event is { } e ? store.Event(e) is { } ev ? Key(ev) : "an event no longer kept" : a.Kind)
                + " <- " + string.Join(",", a.Sources.Select(s => s.Document[..3]).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    private static string Key(Marsad.Knowledge.EventRecord e) => $"{e.Type} {e.Date} {e.Place}";

    private static List<StoredAlert> All(IKnowledgeStore store, string watchlist) => [.. store.AlertsAfter(null, watchlist, null, 1000)];

    private static HashSet<string> Mentioning(IKnowledgeStore store, string entity) =>
        [.. Marsad.Storage.Knowledge.KnowledgeReaders.All(q => store.EntityDocuments(entity, q), new Marsad.Storage.Knowledge.KnowledgeQuery()).Select(m => m.Document)];
}
