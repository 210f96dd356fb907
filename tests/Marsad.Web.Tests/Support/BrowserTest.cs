using Microsoft.Playwright;

namespace Marsad.Web.Tests.Support;

/// <summary>
/// A test class that drives Debian's Chromium: the browser is launched once for the class (when Chromium is there; the
/// tests skip otherwise, see <see cref="ChromiumFactAttribute"/>) and closed after it. <see cref="Problems"/> gathers
/// what the pages reported (console errors, blocked requests, CSP violations).
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected IPlaywright Playwright { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    protected List<string> Problems { get; } = [];

    public async Task InitializeAsync()
    {
        if (Chromium.MissingReason is null)
        {
            (Playwright, Browser) = await Chromium.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Playwright.Dispose();
        }
    }
}
