using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Serves <paramref name="dbPath"/>, its knowledge read through <paramref name="openReader"/> (by default the store's own).</summary>
    public static Task<TestServer> StartAsync(string dbPath, Func<string, Marsad.Storage.Knowledge.IKnowledgeReader>? openReader = null) =>
        StartAsync(new ServeOptions { DbPath = dbPath, Urls = ["http://127.0.0.1:0"], OpenReader = openReader ?? ServeOptions.OpenStoreReader });

    /// <summary>Starts serving and waits for the search index's first check (a catch-up when the store moved), so a test searches the whole store.</summary>
    public static async Task<TestServer> StartAsync(ServeOptions options)
    {
        var app = MarsadWebApp.Build(options);
        await app.StartAsync();
        await app.Services.GetRequiredService<SearchIndexCatchUp>().FirstCheck;
        return new TestServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
