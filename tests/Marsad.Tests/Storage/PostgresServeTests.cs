using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Marsad.Tests.Robustness;
using Marsad.Tests.Support;

namespace Marsad.Tests.Storage;

/// <summary>
/// A team's dashboard: the seeds analyzed into PostgreSQL, then <c>marsad serve --db</c> on it answers every GET of its
/// OpenAPI description (each list, and the detail of the first items the lists give), and <c>search --type attack</c>
/// finds the seeds' attacks there.
/// </summary>
public sealed class PostgresServeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-pg-serve-").FullName;
    private PostgresTestDatabase? _database;

    [SkippableFact]
    public async Task ServeOnPostgresAnswersEveryGet()
    {
        Skip.If(SharedData.Root is null, SharedData.SkipReason);
        _database = PostgresTestDatabase.Create();
        var db = _database.ConnectionString;
        var analyze = MarsadProcess.Run("analyze", SharedData.SeedsDir, "--db", db, "--index", Path.Combine(_dir, "index"), "--quiet");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);

        var attacks = MarsadProcess.Run("search", "--db", db, "--index", Path.Combine(_dir, "index"), "--type", "attack", "--json");
        Assert.True(attacks.ExitCode == 0, attacks.Stderr);
        Assert.Contains("000_4cd582845314faff", attacks.Stdout, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}"), Timeout = TimeSpan.FromSeconds(30) };
        using var serve = MarsadProcess.Start("serve", "--db", db, "--urls", client.BaseAddress.ToString().TrimEnd('/'));
        try
        {
            await WaitReady(client, serve);
            using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
            var paths = openApi.RootElement.GetProperty("paths").EnumerateObject()
                .Where(p => p.Value.TryGetProperty("get", out _)).Select(p => p.Name).ToList();
            var lists = paths.Where(p => !p.Contains('{', StringComparison.Ordinal)).ToList();
            Assert.True(lists.Count >= 12, $"the OpenAPI description lists {lists.Count} parameterless GET paths");
            foreach (var path in lists.Append("/"))
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} on PostgreSQL");
            }

            // Each detail route, with ids its list gives.
            foreach (var (list, key) in new[] { ("documents", "id"), ("stories", "id"), ("entities", "id") })
            {
                Assert.Contains($"/api/{list}/{{" , string.Join(' ', paths), StringComparison.Ordinal);
                using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/{list}?limit=3"));
                var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
                Assert.NotEmpty(items);
                foreach (var item in items)
                {
                    var id = item.GetProperty(key).GetString()!;
                    var response = await client.GetAsync($"/api/{list}/{Uri.EscapeDataString(id)}");
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/{list}/{id} answered {(int)response.StatusCode} on PostgreSQL");
                }
            }

            using var events = JsonDocument.Parse(await client.GetStringAsync("/api/events?type=attack"));
            Assert.NotEmpty(events.RootElement.GetProperty("items").EnumerateArray());
        }
        finally
        {
            serve.Kill();
        }
    }

    public void Dispose()
    {
        _database?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task WaitReady(HttpClient client, MarsadProcess serve)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.False(serve.HasExited, "serve stopped before answering");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "serve did not answer within 60 s");
            try
            {
                if ((await client.GetAsync("/api/stats")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
