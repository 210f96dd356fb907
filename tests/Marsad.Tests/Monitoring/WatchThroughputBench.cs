using System.Diagnostics;
using Marsad.Analysis;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Monitoring;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// The throughput of <c>watch --once</c> from feed to stored knowledge, over the loopback site: corpus articles listed in
/// three feeds, no politeness delay. A measurement, not a check: it runs when <c>MARSAD_WATCH_BENCH</c> gives the number
/// of articles (e.g. 300), and <c>MARSAD_WATCH_CHUNK</c> the articles analyzed and connected together; the figure is in bench/README.md.
/// </summary>
public sealed class WatchThroughputBench(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ArticlesPerSecondFromFeedToStoredKnowledge()
    {
        Skip.IfNot(int.TryParse(Environment.GetEnvironmentVariable("MARSAD_WATCH_BENCH"), out var count) && count > 0, "set MARSAD_WATCH_BENCH=N to measure watch over N corpus articles");
        using var tmp = new TempDir();
        await using var site = await LocalSite.StartAsync();
        var corpus = SitePages.Corpus(count);
        foreach (var a in corpus)
        {
            site.Text($"/news/{a.Slug}.html", "text/html; charset=utf-8", () => SitePages.Page(a));
        }

        var feeds = corpus.Chunk((count + 2) / 3).Select((part, i) => (Path: $"feed{i}.xml", Part: part)).ToList();
        foreach (var (path, part) in feeds)
        {
            site.Validated("/" + path, "application/rss+xml", () => SitePages.Rss(site.Root, part.Select(a => ($"news/{a.Slug}.html", a))));
        }

        var sources = feeds.Select(f => new WatchSource(site.Url(f.Path).ToString(), WatchSourceKind.Feed)).ToList();
        using var store = SqliteDocumentStore.Open(tmp.File("w.db"));
        _ = DocumentAnalyzer.Default.Analyze(new global::Marsad.Model.RawArticle { Id = "warm", SourcePath = "warm", Kind = global::Marsad.Model.SourceKind.Text, Content = corpus[0].Text });
        var clock = Stopwatch.StartNew();
        var chunk = int.TryParse(Environment.GetEnvironmentVariable("MARSAD_WATCH_CHUNK"), out var c) && c > 0 ? c : new WatchOptions().Chunk;
        var (report, problems) = await WatchTests.Poll(store, sources, new WatchOptions { Owner = "bench", Chunk = chunk });
        clock.Stop();
        Assert.Empty(problems);
        var stored = store.Count();
        output.WriteLine($"watch --once: {stored} articles in {clock.Elapsed.TotalSeconds:0.0} s = {stored / clock.Elapsed.TotalSeconds:0.0} articles/s ({report.NewArticles} new, {report.Duplicates} duplicates), chunks of {chunk}, {Environment.ProcessorCount} cores");
        Assert.Equal(0, store.Stats().Unconnected);
    }
}
