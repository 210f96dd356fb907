using System.Net;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

[Collection(StoresCollection.Name)]
public sealed class SecurityHeadersTests(StoreFixtures stores)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/stats")]
    [InlineData("/app.js")]
    [InlineData("/api/documents/nope")]
    public async Task EveryResponseCarriesTheContentSecurityPolicy(string path)
    {
        var response = await stores.Empty.Client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/vendor/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/api/documents/..%2f..%2fetc%2fpasswd")]
    [InlineData("/api/export/..%2f..%2fappsettings.json")]
    public async Task NoPathReadsOutsideTheServedFiles(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(stores.Empty.Address, path));
        var response = await stores.Empty.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleContentIsServedAsJsonNotHtml()
    {
        var response = await stores.Hostile.Client.GetAsync("/api/documents/" + HostileArticle.Id);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }
}
