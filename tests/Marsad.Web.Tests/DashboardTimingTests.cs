using System.Diagnostics;
using System.Globalization;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

/// <summary>
/// How long a user waits on a large store (a measurement, not run by default): set MARSAD_DASH_TIMING_DB to a store
/// (e.g. the whole ANT corpus) to time, in Chromium, the home page until its story list is drawn and the largest story's,
/// the most mentioned entity's and the map's pages until they are ready. Figures go to artifacts/dashboard-timing.txt.
/// </summary>
public sealed class DashboardTimingTests
{
    private const string Variable = "MARSAD_DASH_TIMING_DB";

    private const int Rounds = 10;

    [TimingFact]
    public async Task TimeToTheFirstStoryList()
    {
        await using var server = await TestServer.StartAsync(Environment.GetEnvironmentVariable(Variable)!);
        var (playwright, browser) = await Chromium.LaunchAsync();
        var problems = new List<string>();
        var lines = new List<string>();
        try
        {
            var routes = await BrowserPages.EveryPageAsync(server);
            var home = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
                await page.GotoAsync(server.Address.ToString(), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
                await page.Locator("#stories li.story").First.WaitForAsync();
                // Milliseconds since the navigation started (the page's time origin).
                home.Add(await page.EvaluateAsync<double>("() => performance.now()"));
                await page.CloseAsync();
            }

            lines.Add(Line("home: first story list drawn", home));
            foreach (var name in new[] { "story", "entity", "map", "outlet", "timeline" })
            {
                var times = new List<double>();
                var page = await BrowserPages.OpenAsync(browser, server, "/", problems, 1400, 900);
                for (var i = 0; i < Rounds; i++)
                {
                    await BrowserPages.GoAsync(page, server, "/#/");
                    var watch = Stopwatch.StartNew();
                    await BrowserPages.GoAsync(page, server, routes.Single(r => r.Name == name).Path);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                lines.Add(Line(name + " page ready", times));
                await page.CloseAsync();
            }
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        var path = Path.Combine(Path.GetDirectoryName(Chromium.ScreenshotPath("x"))!, "..", "dashboard-timing.txt");
        await File.WriteAllLinesAsync(path, lines);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Line(string what, List<double> ms)
    {
        ms.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{what}: median {ms[ms.Count / 2]:F0} ms, max {ms[^1]:F0} ms ({ms.Count} runs)");
    }

    private sealed class TimingFactAttribute : FactAttribute
    {
        public TimingFactAttribute()
        {
            Skip = Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 }
                ? Variable + " names no store: this measurement runs only on demand"
                : Chromium.MissingReason!;
        }
    }
}
