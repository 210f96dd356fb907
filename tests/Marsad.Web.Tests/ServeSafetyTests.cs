using System.Net;
using System.Text;
using System.Text.Json;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

/// <summary>
/// Serving safely: ids that hold '/', Host filtering against DNS rebinding, a token to listen beyond loopback, a query
/// past the clause limit answered 400, exports that no download holds whole. Its own store, built here.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ServeSafetyTests : IAsyncLifetime
{
    private const string Token = "a-long-enough-test-token-0123456789";
    private const string SlashId = "https://example.org/news/2024/03/a?x=1";

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-serve-safety-").FullName;
    private TestServer _server = null!;
    private Func<string, Marsad.Storage.Knowledge.IKnowledgeReader> _reader = null!;

    private string Db => Path.Combine(_dir, "m.db");

    public async Task InitializeAsync()
    {
        var lines = new StringBuilder();
        lines.Append(JsonSerializer.Serialize(new { id = SlashId, title = "معرض الكتاب", text = "افتتح الوزير معرض الكتاب السنوي في العاصمة وسط إقبال كبير من القراء." })).Append('\n');
        for (var i = 0; i < 250; i++)
        {
            var text = string.Concat(Enumerable.Repeat($"أعلن المتحدث العسكري في بغداد انسحاب القوات رقم {i} من المدينة بعد أسبوع من المعارك في الأحياء الشرقية. ", 6));
            lines.Append(JsonSerializer.Serialize(new { id = "doc-" + i, title = "انسحاب القوات " + i, text })).Append('\n');
        }

        var input = Path.Combine(_dir, "feed.jsonl");
        await File.WriteAllTextAsync(input, lines.ToString());
        _reader = AnalyzedStore.Analyze(input, Db);
        _server = await TestServer.StartAsync(Db, _reader);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task IdWithSlashesOpensEncodedOrNot()
    {
        var encoded = await _server.Client.GetAsync("/api/documents/" + Uri.EscapeDataString(SlashId));
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
        using var json = JsonDocument.Parse(await encoded.Content.ReadAsStringAsync());
        Assert.Equal(SlashId, json.RootElement.GetProperty("document").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ForeignHostIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        request.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.Client.SendAsync(request)).StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        local.Headers.Host = "localhost:5080";
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.SendAsync(local)).StatusCode);
    }

    [Fact]
    public void OpenAddressWithoutTokenIsRefused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MarsadWebApp.Build(new ServeOptions { DbPath = Db, Urls = ["http://0.0.0.0:0"] }));
        Assert.Contains("without a token", ex.Message, StringComparison.Ordinal);
        Assert.False(ServeAccess.IsLoopback("http://0.0.0.0:5080"));
        Assert.True(ServeAccess.IsLoopback("http://[::1]:5080"));
    }

    [Fact]
    public async Task TokenIsRequiredAsBearerOrCookie()
    {
        await using var guarded = await TestServer.StartAsync(new ServeOptions { DbPath = Db, Urls = ["http://127.0.0.1:0"], Token = Token, OpenReader = _reader });
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.GetAsync("/api/stats")).StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await guarded.Client.SendAsync(bearer)).StatusCode);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = guarded.Address };
        var opened = await browser.GetAsync("/?token=" + Token);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("/", opened.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/stats")).StatusCode);
    }

    [Fact]
    public async Task QueryPastTheClauseLimitIs400NotA500()
    {
        // 1,100 words in a URL short enough for Kestrel: "x+x+…".
        var response = await _server.Client.GetAsync("/api/search?q=" + string.Join('+', Enumerable.Repeat("x", 1100)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentDownloadsDoNotHoldTheExport()
    {
        var size = (await _server.Client.GetByteArrayAsync("/api/export/analysis.json")).Length;
        Assert.True(size > 300_000, $"the export is {size} bytes: too small to measure");
        const int downloads = 30;
        using var client = new HttpClient { BaseAddress = _server.Address };
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // Slow clients: every download started, none read past its headers. Each is written from the store page by page
        // (reading allocates as it goes), so what it holds is a page and a pipe, never the file.
        var responses = await Task.WhenAll(Enumerable.Range(0, downloads).Select(_ =>
            client.GetAsync("/api/export/analysis.json", HttpCompletionOption.ResponseHeadersRead)));
        await Task.Delay(500);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        foreach (var r in responses)
        {
            r.Dispose();
        }

        // A copy per download would hold at least downloads × size; in flight, a download holds its pipe, its writer's
        // buffer and the transport's buffers.
        Assert.True(held < (long)downloads * size, $"{downloads} open downloads of {size} bytes hold {held} bytes");
    }
}

/// <summary>Tests that measure the process (allocations) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
