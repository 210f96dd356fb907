using Marsad.Tests.Support;
using Microsoft.Playwright;

namespace Marsad.Web.Tests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright: never a downloaded browser. Tests that need it skip with a reason on a
/// machine without it, and fail under CI=true (CI installs it with apt-get).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Why a browser test cannot run here (no Chromium outside CI), or null when it must.</summary>
    public static string? MissingReason =>
        File.Exists(ExecutablePath) || SharedData.IsCi ? null : ExecutablePath + " is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests";

    /// <summary>Why a browser test over the seeds cannot run here, or null when it must.</summary>
    public static string? SkipReason => MissingReason ?? SharedData.SkipReason;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
        return (playwright, browser);
    }

    /// <summary>The folder screenshots are written to: artifacts/screenshots/ at the repository root.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}

/// <summary>A fact that drives Chromium over the analyzed seeds: skipped with a reason on a user's machine without them, a failure under CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = Chromium.SkipReason!;
    }
}

/// <summary>A fact that drives Chromium over stores it writes itself: skipped with a reason without Chromium, a failure under CI.</summary>
public sealed class ChromiumOnlyFactAttribute : FactAttribute
{
    public ChromiumOnlyFactAttribute()
    {
        Skip = Chromium.MissingReason!;
    }
}
