using Microsoft.AspNetCore.Builder;

namespace Marsad.Web.Tests.Support;

/// <summary>The dashboard served over one store on a free loopback port, for the lifetime of a fixture.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static Task<TestServer> StartAsync(string dbPath) => StartAsync(new ServeOptions { DbPath = dbPath, Urls = ["http://127.0.0.1:0"] });

    public static async Task<TestServer> StartAsync(ServeOptions options)
    {
        var app = MarsadWebApp.Build(options);
        await app.StartAsync();
        return new TestServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
