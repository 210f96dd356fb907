using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// Measures a store as its users meet it: <c>marsad serve</c> is started as its own process, and the bench reports how
/// long it took to answer, its resident memory (now and peak, from /proc), the latency of every paged API call (each
/// list walked page by page through its cursor, with and without filters, and the detail of items it listed), and, when
/// an article is given, how long after <c>marsad analyze</c> starts the new document is served. Latencies are of whole
/// HTTP round trips on loopback, measured once serve has settled (its background start-up indexing done); the first
/// request of each endpoint, list or detail, is a warm-up and is not counted.
/// </summary>
internal sealed class StoreBench(string db, int pages, IReadOnlyList<string> add)
{
    private static readonly string[] Lists = ["documents", "stories", "events", "entities", "discrepancies", "duplicates", "timeline", "map"];

    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);

    public int Run()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var watch = Stopwatch.StartNew();
        using var serve = Start(["serve", "--db", db, "--urls", url]);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var stats = WaitReady(http, serve, TimeSpan.FromMinutes(10));
        var ready = watch.Elapsed.TotalSeconds;
        var settled = Settle(serve.Id, watch);
        try
        {
            foreach (var list in Lists)
            {
                Walk(http, list, "");
            }

            foreach (var filter in Filters(http))
            {
                Walk(http, filter.List, filter.Query);
            }

            Dashboard(http);

            var added = add.Count > 0 ? Add(http, stats) : (double?)null;
            var (rss, peak) = Memory(serve.Id);
            Report(console, ready, settled, rss, peak, added, stats);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            serve.WaitForExit();
        }

        return ExitCodes.Success;
    }

    /// <summary>Filters drawn from the store itself: the busiest month, the first outlet, event type, country and actor seen.</summary>
    private static IEnumerable<(string List, string Query)> Filters(HttpClient http)
    {
        var events = Items(http, "/api/events?limit=200");
        var docs = Items(http, "/api/documents?limit=200");
        var month = events.Select(e => Str(e, "date")).OfType<string>().Where(d => d.Length >= 7).Select(d => d[..7])
            .GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (month is not null)
        {
            var range = $"from={month}-01&to={month}-28";
            yield return ("events", range);
            yield return ("stories", range);
            yield return ("documents", range);
            yield return ("timeline", range);
            yield return ("map", range);
        }

        if (events.Select(e => Str(e, "type")).OfType<string>().FirstOrDefault() is { } type)
        {
            yield return ("events", "type=" + Uri.EscapeDataString(type));
        }

        if (docs.Select(d => Str(d, "outlet")).OfType<string>().FirstOrDefault() is { } outlet)
        {
            yield return ("documents", "outlet=" + Uri.EscapeDataString(outlet));
            yield return ("events", "outlet=" + Uri.EscapeDataString(outlet));
        }

        if (events.Select(e => Str(e, "country")).OfType<string>().FirstOrDefault() is { } country)
        {
            yield return ("events", "country=" + Uri.EscapeDataString(country));
        }
    }

    /// <summary>
    /// The calls the dashboard's pages make beyond the lists (the home page's charts, the map's places, a story's
    /// summary and chart, an entity's first screen), each asked <see cref="DashboardRounds"/> times with the largest
    /// story and the most mentioned entity.
    /// </summary>
    private void Dashboard(HttpClient http)
    {
        var story = Items(http, "/api/stories?limit=200").OrderByDescending(s => s.GetProperty("documents").GetInt32()).Select(s => Str(s, "id")).FirstOrDefault();
        var entity = Items(http, "/api/entities?limit=1").Select(e => Str(e, "id")).FirstOrDefault();
        var calls = new List<(string Path, string Name)>
        {
            ("/api/trends?dimension=type", "/api/trends?dimension=type"),
            ("/api/trends?dimension=outlet", "/api/trends?dimension=outlet"),
            ("/api/places?limit=300", "/api/places"),
        };
        if (story is not null)
        {
            var s = Uri.EscapeDataString(story);
            calls.Add(($"/api/trends?dimension=actor&keys=6&story={s}", "/api/trends?dimension=actor&story=…"));
            calls.Add(($"/api/trends?dimension=place&keys=5&story={s}", "/api/trends?dimension=place&story=…"));
            calls.Add(($"/api/trends?dimension=type&story={s}", "/api/trends?dimension=type&story=…"));
        }

        if (entity is not null)
        {
            var e = Uri.EscapeDataString(entity);
            calls.Add(($"/api/entities/{e}?limit=10", "/api/entities/{id}?limit=10"));
            calls.Add(($"/api/trends?dimension=type&actor={e}", "/api/trends?dimension=type&actor=…"));
            calls.Add(($"/api/trends?dimension=actor&outlet=" + Uri.EscapeDataString(Items(http, "/api/documents?limit=1").Select(d => Str(d, "outlet")).FirstOrDefault() ?? ""), "/api/trends?dimension=actor&outlet=…"));
        }

        foreach (var (path, name) in calls)
        {
            Get(http, path, null)?.Dispose();
            for (var i = 0; i < DashboardRounds; i++)
            {
                Get(http, path, name)?.Dispose();
            }
        }
    }

    private const int DashboardRounds = 20;

    private void Walk(HttpClient http, string list, string query)
    {
        var name = "/api/" + list + (query.Length > 0 ? "?" + query.Split('=')[0] + "=…" : "");
        string? cursor = null;
        Get(http, $"/api/{list}?limit=50&{query}", null);
        for (var page = 0; page < pages; page++)
        {
            var path = $"/api/{list}?limit=50&{query}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var doc = Get(http, path, name);
            if (doc is null)
            {
                return;
            }

            var root = doc.RootElement;
            if (page == 0 && root.TryGetProperty("items", out var items))
            {
                var detail = 0;
                foreach (var item in items.EnumerateArray().Take(5))
                {
                    if (Str(item, "id") is { } id && list is "documents" or "stories" or "entities")
                    {
                        // As for the lists, the first detail of a kind is a warm-up, not counted.
                        if (detail++ == 0 && !_latencies.ContainsKey($"/api/{list}/{{id}}"))
                        {
                            Get(http, $"/api/{list}/{Uri.EscapeDataString(id)}", null)?.Dispose();
                        }

                        Get(http, $"/api/{list}/{Uri.EscapeDataString(id)}", $"/api/{list}/{{id}}")?.Dispose();
                    }
                }
            }

            cursor = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (cursor is null)
            {
                return;
            }
        }
    }

    private JsonDocument? Get(HttpClient http, string path, string? name)
    {
        var watch = Stopwatch.StartNew();
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (name is not null)
        {
            if (!_latencies.TryGetValue(name, out var list))
            {
                _latencies[name] = list = [];
            }

            list.Add(ms);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"marsad: bench-store: {path} answered {(int)response.StatusCode}");
            return null;
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>Seconds from the start of <c>marsad analyze</c> on the articles to the moment serve counts the new documents.</summary>
    private double Add(HttpClient http, JsonElement before)
    {
        var count = Int(before, "documents");
        var watch = Stopwatch.StartNew();
        using var analyze = Start(["analyze", .. add, "--db", db, "--quiet"]);
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            using var response = http.GetAsync("/api/stats").GetAwaiter().GetResult();
            using var stats = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            if (Int(stats.RootElement, "documents") > count)
            {
                var seconds = watch.Elapsed.TotalSeconds;
                analyze.WaitForExit();
                return seconds;
            }

            if (analyze.HasExited && analyze.ExitCode != 0)
            {
                throw new InvalidOperationException($"analyze of the added articles exited with {analyze.ExitCode}");
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("the added articles were not served within 5 minutes");
    }

    private static JsonElement WaitReady(HttpClient http, Process serve, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (serve.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {serve.ExitCode} before answering");
            }

            try
            {
                using var response = http.GetAsync("/api/stats").GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"serve did not answer within {limit.TotalSeconds} s");
    }

    private void Report(IAnsiConsole console, double ready, double settled, long rss, long peak, double? added, JsonElement stats)
    {
        console.MarkupLine($"store: {Markup.Escape(Marsad.Storage.StoreFactory.Redact(db))}, {Int(stats, "documents"):N0} documents, {Int(stats, "stories"):N0} stories, {Int(stats, "events"):N0} events");
        console.MarkupLine($"machine: {Environment.ProcessorCount} cores, {TotalMemoryGb():0.#} GB, {Markup.Escape(System.Runtime.InteropServices.RuntimeInformation.OSDescription)}");
        console.MarkupLine($"ready to serve: {ready:0.00} s; settled (start-up work in the background done, latencies measured from then): {settled:0.00} s");
        console.MarkupLine($"serve's resident memory {rss / 1048576.0:N0} MB (peak {peak / 1048576.0:N0} MB)");
        if (added is { } a)
        {
            console.MarkupLine($"one article added: served {a:0.00} s after analyze started");
        }

        var table = new Table().AddColumns("call", "requests", "p50 ms", "p99 ms", "max ms");
        foreach (var (name, values) in _latencies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            values.Sort();
            table.AddRow(Markup.Escape(name), values.Count.ToString(CultureInfo.InvariantCulture),
                Percentile(values, 0.50).ToString("0.0", CultureInfo.InvariantCulture),
                Percentile(values, 0.99).ToString("0.0", CultureInfo.InvariantCulture),
                values[^1].ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// Waits until serve's background start-up work (its in-memory search index of every document) is done: its CPU
    /// time stops growing (under 5% of a core over a second), at most 10 minutes. The latencies are of a server at rest,
    /// not of one sharing its cores with its own indexing.
    /// </summary>
    private static double Settle(int pid, Stopwatch watch)
    {
        var limit = watch.Elapsed + TimeSpan.FromMinutes(10);
        var before = CpuTicks(pid);
        while (watch.Elapsed < limit)
        {
            Thread.Sleep(1000);
            var now = CpuTicks(pid);
            if (now - before < 5)
            {
                break;
            }

            before = now;
        }

        return watch.Elapsed.TotalSeconds;
    }

    // utime + stime of the process, in clock ticks (100 a second), from /proc (fields 14 and 15, after the command's ')').
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static Process Start(IEnumerable<string> args)
    {
        // The same program, however it was started (an apphost, or `dotnet marsad.dll`).
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(StoreBench).Assembly.Location);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static (long Rss, long Peak) Memory(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line);
            }
        }

        return (rss, peak);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static double TotalMemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static List<JsonElement> Items(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return doc.RootElement.TryGetProperty("items", out var items) ? items.EnumerateArray().Select(i => i.Clone()).ToList() : [];
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}
