using System.Text.Json;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Monitoring;
using Marsad.Tests.Support;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

/// <summary><c>GET /api/sources</c>: each watched source's health, as the watcher recorded it in the store.</summary>
public sealed class SourcesEndpointTests
{
    [Fact]
    public async Task SourcesAnswerTheirLastFetchNewItemsErrorsAndNextPoll()
    {
        using var tmp = new TempDir();
        var db = tmp.File("w.db");
        var t0 = new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
        using (var store = SqliteDocumentStore.Open(db))
        {
            store.AddSources([new("https://a.example/feed.xml", WatchSourceKind.Feed), new("https://b.example/feed.xml", WatchSourceKind.Web)], t0, TimeSpan.FromMinutes(15));
            store.Claim(["https://a.example/feed.xml"], "w", t0, TimeSpan.FromMinutes(2), null);
            store.Finish(new SourcePoll("https://a.example/feed.xml", "failed", "HTTP 503 Service Unavailable", Validators.None, 0, 2, t0.AddHours(1)), "w", t0);
        }

        await using var server = await TestServer.StartAsync(db);
        using var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/api/sources"));
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("next").ValueKind);
        Assert.Equal(["https://a.example/feed.xml", "https://b.example/feed.xml"], items.Select(i => i.GetProperty("id").GetString()));
        var a = items[0];
        Assert.Equal(("feed", "failed", true, 2, 1L), (a.GetProperty("kind").GetString(), a.GetProperty("status").GetString(), a.GetProperty("failing").GetBoolean(),
            a.GetProperty("failuresInARow").GetInt32(), a.GetProperty("errors").GetInt64()));
        Assert.Equal("HTTP 503 Service Unavailable", a.GetProperty("lastError").GetString());
        Assert.Equal("2026-12-07T05:00:00.000Z", a.GetProperty("nextPoll").GetString());
        Assert.Equal(("never", false), (items[1].GetProperty("status").GetString(), items[1].GetProperty("failing").GetBoolean()));
    }
}
