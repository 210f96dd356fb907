using System.Text.Json;
using Microsoft.Playwright;

namespace Marsad.Web.Tests.Support;

/// <summary>
/// Driving the dashboard: open a route and wait until it is drawn (<c>body[data-ready=true]</c>), collect console errors
/// and page errors, and the two screen sizes every page must fit.
/// </summary>
public static class BrowserPages
{
    public static readonly (string Name, int Width, int Height)[] Sizes = [("desktop", 1400, 900), ("phone", 390, 844)];

    public static async Task<IPage> OpenAsync(IBrowser browser, TestServer server, string path, List<string> problems, int width = 1366, int height = 900)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        Watch(page, problems);
        await GoAsync(page, server, path);
        return page;
    }

    public static void Watch(IPage page, List<string> problems)
    {
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add("console: " + m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e);
    }

    public static async Task GoAsync(IPage page, TestServer server, string path)
    {
        var url = new Uri(server.Address, path).ToString();
        if (page.Url.Split('#')[0] == url.Split('#')[0] && url.Contains('#', StringComparison.Ordinal))
        {
            await page.EvaluateAsync("h => { document.body.dataset.ready = 'false'; location.hash = h; }", url[url.IndexOf('#', StringComparison.Ordinal)..]);
        }
        else
        {
            await page.GotoAsync(url);
        }

        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'");
    }

    /// <summary>How far the page is wider than the window (0 when it fits: no horizontal scroll).</summary>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth");

    public static async Task<JsonElement> JsonAsync(TestServer server, string path)
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(path));
        return json.RootElement.Clone();
    }

    /// <summary>The routes of every page of the dashboard over this store, ids taken from its API.</summary>
    public static async Task<List<(string Name, string Path)>> EveryPageAsync(TestServer server)
    {
        var stories = await JsonAsync(server, "/api/stories?limit=200");
        var story = stories.GetProperty("items").EnumerateArray().OrderByDescending(s => s.GetProperty("documents").GetInt32()).First();
        var entity = (await JsonAsync(server, "/api/entities?limit=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var docs = (await JsonAsync(server, "/api/documents?limit=50&story=" + Uri.EscapeDataString(story.GetProperty("id").GetString()!))).GetProperty("items");
        var doc = docs[0];
        var outlet = docs.EnumerateArray().Select(d => d.GetProperty("outlet").GetString()).First(o => o is not null)!;
        var ev = (await JsonAsync(server, "/api/events?limit=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var word = story.GetProperty("title").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        return
        [
            ("stories", "/#/"),
            ("story", "/#/story/" + Uri.EscapeDataString(story.GetProperty("id").GetString()!)),
            ("event", "/#/event/" + Uri.EscapeDataString(ev)),
            ("timeline", "/#/timeline"),
            ("map", "/#/map"),
            ("entities", "/#/entities"),
            ("entity", "/#/entity/" + Uri.EscapeDataString(entity)),
            ("outlet", "/#/outlet/" + Uri.EscapeDataString(outlet)),
            ("document", "/#/doc/" + Uri.EscapeDataString(doc.GetProperty("id").GetString()!)),
            ("search", "/#/search/" + Uri.EscapeDataString(word)),
            ("alerts", "/#/alerts"),
            ("watchlists", "/#/watchlists"),
            ("sources", "/#/sources"),
        ];
    }

    /// <summary>
    /// Opens every page at both sizes: none scrolls sideways, each has its own title, and a full-page screenshot of each
    /// goes to artifacts/screenshots/{store}-{page}-{size}.png.
    /// </summary>
    public static async Task AssertEveryPageFitsAsync(IBrowser browser, TestServer server, string store, List<string> problems)
    {
        var routes = await EveryPageAsync(server);
        var overflowing = new List<string>();
        foreach (var (size, width, height) in Sizes)
        {
            var titles = new HashSet<string>(StringComparer.Ordinal);
            var page = await OpenAsync(browser, server, "/", problems, width, height);
            foreach (var (name, path) in routes)
            {
                await GoAsync(page, server, path);
                // Charts and map tiles settle after the page is drawn.
                await page.WaitForTimeoutAsync(150);
                if (await OverflowAsync(page) is var over and > 0)
                {
                    overflowing.Add($"{name} at {size}: {over}px too wide");
                }

                titles.Add(await page.TitleAsync());
                await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"{store}-{name}-{size}.png"), FullPage = name != "map" });
            }

            Assert.Equal(routes.Count, titles.Count);
            await page.CloseAsync();
        }

        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
    }
}
