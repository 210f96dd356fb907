using System.Net;
using Marsad.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The dashboard over the seeds and ≥ 2,000 corpus articles (<see cref="CorpusStore"/>): every page fits desktop and
/// phone, the filters change the lists and the address, a chart's click filters, the seed story's permalink still opens
/// it after the corpus was added, and the answers are paged and compressed.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class CorpusDashboardTests(CorpusStore corpus) : BrowserTest
{
    [ChromiumFact]
    public async Task EveryPageFitsDesktopAndPhone()
    {
        Assert.True(corpus.Articles >= 2000);
        await BrowserPages.AssertEveryPageFitsAsync(Browser, corpus.ServerOrFail, "corpus", Problems);
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }

    [ChromiumFact]
    public async Task FiltersChangeTheListsAndTheAddress()
    {
        var server = corpus.ServerOrFail;
        var page = await BrowserPages.OpenAsync(Browser, server, "/", Problems);
        var all = await page.Locator("#stories li.story h3").AllTextContentsAsync();
        Assert.Equal(50, all.Count);

        await page.FillAsync("#filters input[name='outlet']", "BBC");
        await page.FillAsync("#filters input[name='from']", "2018-04-01");
        await page.FillAsync("#filters input[name='to']", "2018-04-30");
        await page.Locator("#filters button[type='submit']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.includes('outlet=BBC') && location.hash.includes('from=2018-04-01') && document.body.dataset.ready === 'true'");
        var filtered = await page.Locator("#stories li.story h3").AllTextContentsAsync();
        var expected = await BrowserPages.JsonAsync(server, "/api/stories?outlet=BBC&from=2018-04-01&to=2018-04-30");
        Assert.Equal(expected.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()!.Trim()), filtered.Select(t => t.Trim()));
        Assert.NotEqual(all, filtered);

        // The address alone gives the same view (a bookmark), and the filter fields show it.
        var again = await BrowserPages.OpenAsync(Browser, server, "/" + new Uri(page.Url).Fragment, Problems);
        Assert.Equal(filtered, await again.Locator("#stories li.story h3").AllTextContentsAsync());
        Assert.Equal("BBC", await again.InputValueAsync("#filters input[name='outlet']"));

        // The timeline takes an event type from its form.
        await BrowserPages.GoAsync(page, server, "/#/timeline");
        await page.SelectOptionAsync("#filters select[name='type']", "attack");
        await page.Locator("#filters button[type='submit']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.includes('type=attack') && document.body.dataset.ready === 'true'");
        var badges = await page.Locator("#timeline li span.badge").AllTextContentsAsync();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal("هجوم", b));
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }

    [ChromiumFact]
    public async Task ClickingATrendBarFiltersTheStories()
    {
        var server = corpus.ServerOrFail;
        var page = await BrowserPages.OpenAsync(Browser, server, "/", Problems);
        var chart = page.Locator("#trend-outlets[data-ready='true'] canvas");
        await chart.WaitForAsync();
        await chart.ScrollIntoViewIfNeededAsync();
        var box = (await chart.BoundingBoxAsync())!;
        // Sweep along the chart's lower part until a bar is hit.
        for (var x = box.X + 10; x < box.X + box.Width - 10 && !page.Url.Contains("outlet=", StringComparison.Ordinal); x += 4)
        {
            await page.Mouse.ClickAsync((float)x, box.Y + (box.Height * 0.55f));
        }

        await page.WaitForFunctionAsync("() => location.hash.includes('outlet=') && location.hash.includes('from=') && document.body.dataset.ready === 'true'");
        Assert.True(await page.Locator("#stories li.story").CountAsync() >= 1);
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }

    [ChromiumFact]
    public async Task SeedStoryPermalinkSurvivesTheAddedArticles()
    {
        var server = corpus.ServerOrFail;
        var (id, title) = corpus.SeedStory;
        var page = await BrowserPages.OpenAsync(Browser, server, "/#/story/" + Uri.EscapeDataString(id), Problems);
        Assert.Equal(title, (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.True(await page.Locator("#sources li.source").CountAsync() >= 2);
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }

    [ChromiumFact]
    public async Task AnswersArePagedAndCompressed()
    {
        var server = corpus.ServerOrFail;
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories?limit=200");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());

        // The most mentioned entity's page opens on a screenful, not on every quote.
        var entity = (await BrowserPages.JsonAsync(server, "/api/entities?limit=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var detail = await server.Client.GetStringAsync("/api/entities/" + Uri.EscapeDataString(entity));
        Assert.True(detail.Length < 100_000, $"the entity page answers {detail.Length} characters");

        var trend = await BrowserPages.JsonAsync(server, "/api/trends?dimension=outlet");
        Assert.True(trend.GetProperty("series").GetArrayLength() >= 4);
        Assert.Equal("week", trend.GetProperty("bucket").GetString());
    }
}
