using System.Diagnostics;
using Marsad.Tests.Support;
using Marsad.Web.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Web.Tests;

/// <summary>A bounded load test of the API on loopback: 2,000 requests, 8 at a time, over the analyzed seeds.</summary>
[Collection(StoresCollection.Name)]
public sealed class ApiLoadTests(StoreFixtures stores, ITestOutputHelper output)
{
    private const int Requests = 2000;
    private const int Concurrency = 8;

    [SharedFact]
    public async Task TwoThousandRequestsAtConcurrencyEightHaveNoErrors()
    {
        var server = stores.SeedsOrFail;
        // The most recent story of the store (stable ids are derived, not numbered).
        using var stories = System.Text.Json.JsonDocument.Parse(await server.Client.GetStringAsync("/api/stories"));
        var story = stories.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        string[] paths =
        [
            "/api/stats", "/api/stories", "/api/stories/" + story, "/api/documents", "/api/events", "/api/entities", "/api/timeline?kind=document",
            "/api/timeline", "/api/discrepancies", "/api/framing?story=" + story, "/api/map", "/api/search?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF",
        ];
        foreach (var p in paths)
        {
            (await server.Client.GetAsync(p)).EnsureSuccessStatusCode();
        }

        var latencies = new double[Requests];
        var errors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = await server.Client.GetAsync(paths[i % paths.Length]);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = sw.Elapsed.TotalMilliseconds;
            }
        }));
        total.Stop();

        // The slowest paths first: where a p99 goes.
        foreach (var (path, slowest) in paths.Select((p, k) => (p, Enumerable.Range(0, Requests).Where(i => i % paths.Length == k).Select(i => latencies[i]).Order().ToList()))
                     .Select(x => (x.p, x.Item2[(int)(x.Item2.Count * 0.99)])).OrderByDescending(x => x.Item2).Take(4))
        {
            output.WriteLine($"  p99 {slowest:F2} ms  {path}");
        }

        Array.Sort(latencies);
        var p50 = latencies[Requests / 2];
        var p99 = latencies[(int)(Requests * 0.99)];
        var line = $"load: {Requests} requests, concurrency {Concurrency}, {errors} errors, p50 {p50:F2} ms, p99 {p99:F2} ms, {Requests / total.Elapsed.TotalSeconds:F0} req/s";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(0, errors);
    }
}
