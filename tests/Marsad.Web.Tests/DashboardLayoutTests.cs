using Marsad.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The dashboard over the analyzed seeds at desktop and phone sizes: every page fits the screen and has its own title
/// (screenshots of each in artifacts/screenshots/), and the seed story's event lines name their actors.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class DashboardLayoutTests(StoreFixtures stores) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly List<string> _problems = [];

    public async Task InitializeAsync()
    {
        if (Chromium.MissingReason is null)
        {
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _playwright.Dispose();
        }
    }

    [ChromiumFact]
    public async Task EveryPageFitsDesktopAndPhone()
    {
        await BrowserPages.AssertEveryPageFitsAsync(_browser, stores.SeedsOrFail, "seeds", _problems);
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [ChromiumFact]
    public async Task SeedStoryEventLinesNameTheirActors()
    {
        var server = stores.SeedsOrFail;
        var routes = await BrowserPages.EveryPageAsync(server);
        var page = await BrowserPages.OpenAsync(_browser, server, routes.Single(r => r.Name == "story").Path, _problems, 390, 844);
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
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }
}
