using Marsad.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The dashboard over the analyzed seeds at desktop and phone sizes: every page fits the screen and has its own title
/// (screenshots of each in artifacts/screenshots/), and the seed story's event lines name their actors.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class DashboardLayoutTests(StoreFixtures stores) : BrowserTest
{
    [ChromiumFact]
    public async Task EveryPageFitsDesktopAndPhone()
    {
        await BrowserPages.AssertEveryPageFitsAsync(Browser, stores.SeedsOrFail, "seeds", Problems);
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }

    [ChromiumFact]
    public async Task SeedStoryEventLinesNameTheirActors()
    {
        var server = stores.SeedsOrFail;
        var routes = await BrowserPages.EveryPageAsync(server);
        var page = await BrowserPages.OpenAsync(Browser, server, routes.Single(r => r.Name == "story").Path, Problems, 390, 844);
        var actors = await page.Locator("#events li.event a.entity").AllTextContentsAsync();
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.False(a.Contains("http", StringComparison.Ordinal) || a.Contains("#/entity/", StringComparison.Ordinal), a));
        var lines = await page.Locator("#events li.event").AllTextContentsAsync();
        Assert.All(lines, l => Assert.DoesNotContain("http://", l, StringComparison.Ordinal));

        // The summary comes first: what, where, when, who, how many sources.
        Assert.Equal(5, await page.Locator("#summary dt").CountAsync());
        Assert.True(await page.Locator("#sources .outlet-group").CountAsync() >= 2, "the sources are grouped by outlet");
        Assert.True(await page.Locator("#discrepancies li.discrepancy").CountAsync() >= 1);
        Assert.Equal(0, await BrowserPages.OverflowAsync(page));
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }
}
