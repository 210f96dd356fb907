using System.Text.Json;
using Marsad.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The dashboard in Debian's Chromium over the analyzed seeds: the story page (sources, timeline, map, discrepancies,
/// framing), the map popups and their links, search, right-to-left Arabic with the self-hosted font, no request beyond
/// the server, no CSP violation, and hostile article content shown as text. Screenshots go to artifacts/screenshots/.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class DashboardBrowserTests(StoreFixtures stores) : BrowserTest
{
    [ChromiumFact]
    public async Task StoryPageShowsSourcesTimelineMapAndDiscrepancies()
    {
        var server = stores.SeedsOrFail;
        var page = await OpenAsync(server, "/");
        Assert.True(await page.Locator("#stories li.story").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("stories.png"), FullPage = true });

        var storyId = await BiggestStoryAsync(server);
        await GoAsync(page, server, "/#/story/" + storyId);
        Assert.True(await page.Locator("#sources li.source").CountAsync() >= 2);
        Assert.True(await page.Locator("#timeline li").CountAsync() >= 2);
        Assert.True(await page.Locator("#discrepancies li.discrepancy").CountAsync() >= 1);
        Assert.True(await page.Locator("#sources mark[class^='discrepancy-']").CountAsync() >= 1);
        Assert.True(await page.Locator("#framing tbody tr").CountAsync() >= 1);

        await page.Locator("#story-map[data-ready='true']").WaitForAsync();
        Assert.True(await page.Locator("#story-map path").CountAsync() > 100, "the offline base map draws the countries");
        Assert.True(await page.Locator("#story-map path.marker-place, #story-map path.marker-event, #story-map .cluster").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("story.png"), FullPage = true });
        AssertNoProblems();
    }

    [ChromiumFact]
    public async Task MapPopupQuotesTheSentenceAndLinksToIt()
    {
        var server = stores.SeedsOrFail;
        var page = await OpenAsync(server, "/#/map");
        await page.Locator("#event-map[data-ready='true']").WaitForAsync();
        // Events at one place are clustered: a click on a cluster zooms in, or spreads them out at the last zoom.
        for (var i = 0; i < 8 && await page.Locator("#event-map path.marker-event").CountAsync() == 0; i++)
        {
            await page.Locator("#event-map .cluster-event").First.ClickAsync(new() { Force = true });
            await page.WaitForTimeoutAsync(600);
        }

        var marker = page.Locator("#event-map path.marker-event").First;
        await marker.ClickAsync(new() { Force = true });
        var popup = page.Locator(".leaflet-popup-content");
        await popup.WaitForAsync();
        Assert.True(await popup.Locator("blockquote mark.focus").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("map.png") });

        await popup.Locator("a.source-link").First.ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/doc/') && document.body.dataset.ready === 'true'");
        var focus = page.Locator("#document mark#focus");
        Assert.Equal(1, await focus.CountAsync());
        Assert.False(string.IsNullOrWhiteSpace(await focus.TextContentAsync()));
        Assert.True(await page.Locator("#document mark").CountAsync() > 1, "the document view highlights its annotations");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("document.png") });
        AssertNoProblems();
    }

    [ChromiumFact]
    public async Task DashboardIsArabicRightToLeftWithItsOwnFont()
    {
        var server = stores.SeedsOrFail;
        var requests = new List<string>();
        var page = await Browser.NewPageAsync();
        page.Request += (_, r) => requests.Add(r.Url);
        Watch(page);
        await GoAsync(page, server, "/");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px \"Noto Naskh Arabic\"', 'مرصد'); }"));
        Assert.All(requests, url => Assert.StartsWith(server.Address.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        AssertNoProblems();
    }

    [ChromiumFact]
    public async Task SearchBoxFindsTitles()
    {
        var server = stores.SeedsOrFail;
        var page = await OpenAsync(server, "/");
        var title = await page.Locator("#stories li.story h3 a").First.TextContentAsync();
        var word = title!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        await page.FillAsync("#q", word);
        await page.PressAsync("#q", "Enter");
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/search/') && document.body.dataset.ready === 'true'");
        Assert.True(await page.Locator("#hits li").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("search.png") });
        AssertNoProblems();
    }

    [ChromiumFact]
    public async Task EntityPageQuotesItsMentions()
    {
        var server = stores.SeedsOrFail;
        var page = await OpenAsync(server, "/#/entities");
        Assert.True(await page.Locator("#entities tbody tr").CountAsync() >= 1);
        await page.Locator("#entities tbody tr a").First.ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/entity/') && document.body.dataset.ready === 'true'");
        Assert.True(await page.Locator("#mentions blockquote mark.focus").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("entity.png"), FullPage = true });
        AssertNoProblems();
    }

    [ChromiumFact]
    public async Task TimelineLoadsMorePagesAndFilters()
    {
        var server = stores.SeedsOrFail;
        var page = await OpenAsync(server, "/#/timeline?limit=5");
        Assert.Equal(5, await page.Locator("#timeline li").CountAsync());
        await page.Locator("button.more").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#timeline li').length === 10");

        // The filter form puts its values in the address, and the page shows only what they select.
        await page.SelectOptionAsync("#filters select[name='type']", "attack");
        await page.Locator("#filters button[type='submit']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.includes('type=attack') && document.body.dataset.ready === 'true'");
        var badges = await page.Locator("#timeline li span.badge").AllTextContentsAsync();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal("هجوم", b));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("timeline.png"), FullPage = true });

        await GoAsync(page, server, "/#/search/?type=attack");
        Assert.True(await page.Locator("#hits li").CountAsync() >= 1);
        AssertNoProblems();
    }

    [ChromiumOnlyFact]
    public async Task ScriptAndOnerrorPayloadsAreShownAsText()
    {
        var server = stores.Hostile;
        var page = await OpenAsync(server, "/");
        var docs = await server.Client.GetStringAsync("/api/documents");
        Assert.Contains(HostileArticle.Id, docs, StringComparison.Ordinal);

        await GoAsync(page, server, "/#/doc/" + HostileArticle.Id);
        var text = await page.Locator("main").TextContentAsync();
        Assert.Contains("<script>window.__xss=1</script>", text, StringComparison.Ordinal);
        Assert.Contains("onerror=", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img, main script, main [onerror]").CountAsync());
        // Only the page's own script files run (the map and chart libraries are added as files when a page needs them).
        var scripts = await page.Locator("script").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('src') || '')");
        Assert.All(scripts, s => Assert.Matches("^/(app\\.js|monitor\\.js|vendor/[a-z.-]+/[a-z.-]+\\.js)$", s));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("xss-as-text.png"), FullPage = true });

        await GoAsync(page, server, "/#/search/" + Uri.EscapeDataString("onerror"));
        await GoAsync(page, server, "/#/");
        await GoAsync(page, server, "/#/entities");
        await GoAsync(page, server, "/#/timeline?kind=document");
        await GoAsync(page, server, "/#/map");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        AssertNoProblems();
    }

    private Task<IPage> OpenAsync(TestServer server, string path) => BrowserPages.OpenAsync(Browser, server, path, Problems);

    private void Watch(IPage page) => BrowserPages.Watch(page, Problems);

    private static Task GoAsync(IPage page, TestServer server, string path) => BrowserPages.GoAsync(page, server, path);

    private static async Task<string> BiggestStoryAsync(TestServer server)
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/api/stories"));
        return json.RootElement.GetProperty("items").EnumerateArray().OrderByDescending(s => s.GetProperty("documents").GetInt32()).First().GetProperty("id").GetString()!;
    }

    private void AssertNoProblems() => Assert.True(Problems.Count == 0, string.Join("\n", Problems));
}
