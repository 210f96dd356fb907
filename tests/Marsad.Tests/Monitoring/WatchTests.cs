using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Monitoring;
using Marsad.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// The watcher against a site on loopback serving real articles (corpus and seeds) through an RSS feed that grows between
/// polls, an Atom feed and a news sitemap that list some of the same articles again (under a tracking parameter, a
/// mirror naming the original as canonical, a copy with the same text), a robots.txt that disallows a path, and the
/// sources that go wrong: a 503 then success, a slow answer, a redirect loop, a 50 MB body, malformed XML.
/// </summary>
public sealed class WatchTests
{
    private const string Html = "text/html; charset=utf-8";
    private const string Xml = "application/xml; charset=utf-8";

    internal static readonly FetchOptions Fetch = new()
    {
        HostDelay = TimeSpan.Zero,
        Timeout = TimeSpan.FromSeconds(1),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    [SharedFact]
    public async Task EveryNewArticleIsStoredOnceWithValidatorsAndRobotsHonouredWhileFailingSourcesAreReported()
    {
        using var tmp = new TempDir();
        await using var site = await LocalSite.StartAsync();
        var corpus = SitePages.Corpus(24);
        var seeds = SitePages.Seeds();
        var live = 12;
        foreach (var a in corpus)
        {
            site.Text($"/news/{a.Slug}.html", Html, () => SitePages.Page(a));
        }

        foreach (var s in seeds)
        {
            site.Text($"/seeds/{s.Slug}.html", Html, () => SitePages.Page(s));
        }

        site.Text("/private/secret.html", Html, () => SitePages.Page(seeds[0]));
        site.Text("/mirror/c3.html", Html, () => SitePages.Page(corpus[3], canonical: site.Url("/news/c3.html").ToString()));
        site.Text("/copy/c4.html", Html, () => SitePages.Page(corpus[4]));
        site.Text("/robots.txt", "text/plain", () => "# test site\nUser-agent: *\nDisallow: /private/\n\nUser-agent: SomeOtherBot\nDisallow: /\n");
        site.Validated("/news/feed.xml", Xml, () => SitePages.Rss(site.Root, corpus.Take(live).Select(a => ($"news/{a.Slug}.html", a))));
        site.Validated("/atom.xml", Xml, () => SitePages.Atom(site.Root,
            [("news/c0.html?utm_source=atom&utm_medium=feed", corpus[0]), ("news/c1.html", corpus[1]), ("mirror/c3.html", corpus[3]), ("copy/c4.html", corpus[4]), ("news/c20.html", corpus[20])]));
        site.Validated("/sitemap.xml", Xml, () => SitePages.NewsSitemap(site.Root,
            seeds.Select(s => ($"seeds/{s.Slug}.html", s)).Append(("private/secret.html", seeds[0]))));

        var flaky = 0;
        site.Route("/flaky.xml", async ctx =>
        {
            if (Interlocked.Increment(ref flaky) == 1)
            {
                ctx.Response.StatusCode = 503;
                return;
            }

            ctx.Response.ContentType = Xml;
            await ctx.Response.WriteAsync(SitePages.Rss(site.Root, [("news/c21.html", corpus[21]), ("news/c22.html", corpus[22])]));
        });
        site.Route("/slow.xml", ctx => Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));
        site.Route("/loop/a", ctx => Redirect(ctx, "/loop/b"));
        site.Route("/loop/b", ctx => Redirect(ctx, "/loop/a"));
        long bigWritten = 0;
        site.Route("/big.xml", async ctx =>
        {
            // 50 MB generated as it is sent, never held.
            ctx.Response.ContentType = Xml;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            // Kestrel drops the writes of a connection the client closed without throwing: the pipe says it is completed.
            while (Interlocked.Read(ref bigWritten) < 50L * 1024 * 1024)
            {
                var flushed = await ctx.Response.BodyWriter.WriteAsync(chunk, ctx.RequestAborted);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }

                Interlocked.Add(ref bigWritten, chunk.Length);
            }
        });
        site.Text("/bad.xml", Xml, () => "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>خبر</title><link>" + site.Url("/news/c23.html") + "</link></item><channel></rss>");

        var list = tmp.File("sources.txt");
        string[] paths = ["news/feed.xml", "atom.xml", "sitemap.xml", "flaky.xml", "slow.xml", "loop/a", "big.xml", "bad.xml"];
        File.WriteAllLines(list, ["# the test site", .. paths.Select(p => site.Url(p).ToString())]);
        var sources = SourceList.Read(list);
        using var store = SqliteDocumentStore.Open(tmp.File("w.db"));

        // Poll 1: every listed article once, whichever feed names it first.
        var (report, problems) = await Poll(store, sources);
        var expected = corpus.Take(live).Append(corpus[20]).Append(corpus[21]).Append(corpus[22]).Concat(seeds).ToList();
        AssertStoredOnce(store, expected);
        // The mirror and the copy name a stored document (which address came first depends on which feed was read first).
        var marks = store.Items([site.Url("mirror/c3.html").ToString(), site.Url("copy/c4.html").ToString(), site.Url("news/c3.html").ToString(), site.Url("news/c4.html").ToString()]);
        Assert.Equal(4, marks.Count);
        Assert.All(marks.Values, m => Assert.NotNull(store.GetContentHash(m.DocId!)));
        Assert.Equal(2, marks.Values.Select(m => m.DocId).Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(report.Duplicates, 1, 2);
        Assert.Equal(0, site.Count("/private/secret.html"));
        Assert.Equal(1, report.Disallowed);
        Assert.Equal([503, 200], site.Log.Where(h => h.Path == "/flaky.xml").Select(h => h.Status));
        string[] failing = [site.Url("slow.xml").ToString(), site.Url("loop/a").ToString(), site.Url("big.xml").ToString(), site.Url("bad.xml").ToString()];
        Assert.Equal(failing.Order(StringComparer.Ordinal), report.Failing.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Contains("slow.xml", StringComparison.Ordinal) && p.Contains("timed out", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("loop/a", StringComparison.Ordinal) && p.Contains("redirect loop", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("big.xml", StringComparison.Ordinal) && p.Contains("limit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("bad.xml", StringComparison.Ordinal) && p.Contains("malformed XML", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("reading stopped there", StringComparison.Ordinal));
        Assert.Equal(0, store.Stats().Unconnected);
        var health = store.Sources().ToDictionary(s => s.Id, StringComparer.Ordinal);
        Assert.All(failing, f => Assert.Equal((1, "failed"), (health[f].Failures, health[f].LastStatus)));
        Assert.Equal(store.Count(), health.Values.Sum(h => h.LastNew));

        // Poll 2: the feed grew by four; the Atom feed and the sitemap have not changed (304).
        live = 16;
        var before = site.Log.Count;
        (report, _) = await Poll(store, sources);
        var second = site.Log.Skip(before).ToList();
        AssertStoredOnce(store, [.. expected, .. corpus.Skip(12).Take(4)]);
        Assert.Equal(4, report.NewArticles);
        Assert.Contains(new LocalSite.Hit("/news/feed.xml", 200, true), second);
        Assert.Contains(new LocalSite.Hit("/atom.xml", 304, true), second);
        Assert.Contains(new LocalSite.Hit("/sitemap.xml", 304, true), second);
        Assert.Equal(2, report.NotModified);
        Assert.All(corpus.Take(16), a => Assert.Equal(1, site.Count($"/news/{a.Slug}.html")));
        Assert.Equal(2, store.Sources().Single(s => s.Id == failing[0]).Failures);

        // Poll 3: nothing changed: three 304s, no page fetched, nothing stored.
        before = site.Log.Count;
        (report, _) = await Poll(store, sources);
        var third = site.Log.Skip(before).ToList();
        Assert.Equal(3, report.NotModified);
        Assert.Equal(0, report.NewArticles);
        Assert.DoesNotContain(third, h => h.Path.EndsWith(".html", StringComparison.Ordinal));
        Assert.Equal(expected.Count + 4, store.Count());
        Assert.Equal(5, site.Log.Count(h => h.Status == 304));
    }

    internal static async Task<(WatchReport Report, List<string> Problems)> Poll(IKnowledgeStore store, IReadOnlyList<WatchSource> sources, WatchOptions? options = null)
    {
        var problems = new List<string>();
        using var fetcher = new WebFetcher(Fetch);
        var watcher = new SourceWatcher(store, fetcher, options ?? new WatchOptions { Owner = "test" })
        {
            OnProblem = p =>
            {
                lock (problems)
                {
                    problems.Add(p);
                }
            },
        };
        await watcher.RunAsync(sources, once: true, CancellationToken.None);
        return (watcher.Report, problems);
    }

    /// <summary>Each article stored exactly once (by its title), and no text stored twice.</summary>
    internal static void AssertStoredOnce(IKnowledgeStore store, IReadOnlyList<SitePages.Article> expected)
    {
        var rows = store.All().ToList();
        Assert.Equal(rows.Count, rows.Select(r => r.ContentHash).Distinct(StringComparer.Ordinal).Count());
        var titles = rows.Select(r => r.Title).ToList();
        Assert.All(expected, a => Assert.Single(titles, t => t == a.Title));
        Assert.Equal(expected.Count, rows.Count);
    }

    private static Task Redirect(HttpContext ctx, string to)
    {
        ctx.Response.StatusCode = 302;
        ctx.Response.Headers.Location = to;
        return Task.CompletedTask;
    }
}
