using Marsad.Storage;
using Marsad.Tests.Robustness;
using Marsad.Tests.Support;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// <c>marsad watch --once</c> killed with SIGKILL in the middle of a feed, then run again: every article of the feed is
/// stored once and connected, nothing is missed, and no article stored before the kill is fetched again.
/// </summary>
public sealed class WatchResumeTests
{
    private const int Articles = 48;

    [SharedFact]
    public async Task AKilledWatchResumesWithoutStoringOrFetchingTwice()
    {
        using var tmp = new TempDir();
        await using var site = await LocalSite.StartAsync();
        var corpus = SitePages.Corpus(Articles);
        foreach (var a in corpus)
        {
            // A slow site: the watcher is caught between chunks.
            site.Route($"/news/{a.Slug}.html", async ctx =>
            {
                await Task.Delay(120, ctx.RequestAborted);
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(ctx.Response, SitePages.Page(a), ctx.RequestAborted);
            });
        }

        site.Validated("/news/feed.xml", "application/rss+xml", () => SitePages.Rss(site.Root, corpus.Select(a => ($"news/{a.Slug}.html", a))));
        var list = tmp.File("sources.json");
        File.WriteAllText(list, $$"""{"sources": [{"url": "{{site.Url("news/feed.xml")}}", "kind": "feed", "interval": "1h"}]}""");
        var db = tmp.File("w.db");
        string[] args = ["watch", list, "--db", db, "--once", "--host-delay", "0", "--retry-delay", "0.05s", "--batch", "8"];

        using (var run = MarsadProcess.Start(args))
        {
            while (!run.HasExited && CrashSafetyTests.Count(db) < 10)
            {
                Thread.Sleep(20);
            }

            Assert.False(run.HasExited, "watch finished before it could be killed");
            run.Kill();
        }

        var before = CrashSafetyTests.Count(db);
        Assert.InRange(before, 10, Articles - 1);
        List<string> storedBefore;
        using (var store = SqliteDocumentStore.Open(db))
        {
            storedBefore = [.. store.All().Select(d => d.Id)];
        }

        var resumed = MarsadProcess.Run(args);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        using (var store = SqliteDocumentStore.Open(db))
        {
            WatchTests.AssertStoredOnce(store, corpus);
            Assert.Equal(0, store.Stats().Unconnected);
        }

        // What was stored before the kill was fetched once; what was in flight (one batch) at most twice.
        Assert.All(storedBefore, id => Assert.Equal(1, site.Count(new Uri(id).AbsolutePath)));
        Assert.All(corpus, a => Assert.InRange(site.Count($"/news/{a.Slug}.html"), 1, 2));
        Assert.Contains($"{Articles - storedBefore.Count} new articles", resumed.Stdout, StringComparison.Ordinal);
    }
}
