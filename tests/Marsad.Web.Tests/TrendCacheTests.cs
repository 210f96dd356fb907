using System.Text.Json;
using Marsad.Storage;
using Marsad.Tests.Support;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

/// <summary>
/// <c>/api/trends</c> over the whole store is read from the store once and then answered from serve's cache, until the
/// store changes: an article stored by another process (analyze, a worker) gives the next answer its count at once.
/// </summary>
public sealed class TrendCacheTests
{
    private const string Path = "/api/trends?dimension=outlet&bucket=day";

    [Fact]
    public async Task ARepeatedTrendIsReadOnceUntilAnotherProcessStoresAnArticle()
    {
        using var tmp = new TempDir();
        var db = tmp.File("trends.db");
        using (var analyze = SqliteDocumentStore.Open(db))
        {
            analyze.Save(Article("a1", "وكالة أ", "2024-03-01"));
            analyze.Save(Article("a2", "وكالة أ", "2024-03-02"));
            analyze.Save(Article("b1", "وكالة ب", "2024-03-02"));
        }

        using var store = SqliteDocumentStore.Open(db);
        var counting = new CountingKnowledgeReader(store);
        await using var server = await TestServer.StartAsync(db, _ => counting);

        var first = await server.Client.GetStringAsync(Path);
        Assert.Equal(first, await server.Client.GetStringAsync(Path));
        // The page of a list is not part of a trend's question.
        Assert.Equal(first, await server.Client.GetStringAsync(Path + "&limit=7"));
        Assert.Equal(1, counting.Count("Trend"));
        Assert.Equal([("وكالة أ", 2), ("وكالة ب", 1)], Totals(first));

        // Another question is read on its own.
        await server.Client.GetStringAsync("/api/trends?dimension=outlet&keys=1");
        Assert.Equal(2, counting.Count("Trend"));

        // Another process stores one more article: the store's change stamp moves, and the answer with it.
        using (var worker = SqliteDocumentStore.Open(db))
        {
            worker.Save(Article("b2", "وكالة ب", "2024-03-03"));
        }

        var after = await server.Client.GetStringAsync(Path);
        Assert.Equal(3, counting.Count("Trend"));
        Assert.Equal([("وكالة أ", 2), ("وكالة ب", 2)], Totals(after));
        Assert.Equal(after, await server.Client.GetStringAsync(Path));
        Assert.Equal(3, counting.Count("Trend"));
    }

    private static StoredDocument Article(string id, string outlet, string published) => new()
    {
        Id = id,
        ContentHash = "h" + id,
        AnalyzerVersion = "1",
        Text = "نص الخبر " + id,
        Title = "عنوان " + id,
        Outlet = outlet,
        Published = published,
        PublishedFrom = "metadata",
        Json = "{\"id\":\"" + id + "\"}",
    };

    private static List<(string, int)> Totals(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("series").EnumerateArray().Select(s => (s.GetProperty("key").GetString()!, s.GetProperty("total").GetInt32()))];
    }
}
