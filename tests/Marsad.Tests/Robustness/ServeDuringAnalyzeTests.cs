using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Robustness;

/// <summary>
/// <c>marsad serve</c> over a SQLite store (WAL) while <c>marsad analyze</c> runs write batches into it: a client reads every API
/// endpoint the whole time. No response is a server error or anything but JSON, every document is whole (its analysis
/// object agrees with its text and with what is finally stored), neither process writes an error, the number of
/// documents served never goes down, and serve takes up the new documents without a restart (every request reads the
/// store).
/// </summary>
public class ServeDuringAnalyzeTests(ITestOutputHelper output)
{
    private const int Articles = 300;
    private const int Batches = 3;

    /// <summary>Documents stored before serve starts; the rest come in <see cref="Batches"/> runs of analyze.</summary>
    private const int First = 30;

    [Fact]
    public void ServeAnswersWholeDocumentsWhileAnalyzeWrites()
    {
        using var tmp = new TempDir();
        var input = tmp.File("in");
        GeneratedArticles.Write(input, Articles, seed: 23);
        var files = Directory.GetFiles(input).Order(StringComparer.Ordinal).ToList();
        var batchSize = (Articles - First) / Batches;
        var folders = Enumerable.Range(0, Batches + 1).Select(b =>
        {
            var folder = tmp.File($"batch{b}");
            Directory.CreateDirectory(folder);
            var (skip, take) = b == 0 ? (0, First) : (First + ((b - 1) * batchSize), b == Batches ? Articles : batchSize);
            foreach (var file in files.Skip(skip).Take(take))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            return folder;
        }).ToList();

        var db = tmp.File("m.db");
        var seed = MarsadProcess.Run("analyze", folders[0], "--db", db, "--quiet", "--no-index");
        Assert.True(seed.ExitCode == 0, seed.Stderr);

        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        using var serve = MarsadProcess.Start("serve", "--db", db, "--urls", client.BaseAddress.ToString().TrimEnd('/'));
        var reader = new ApiReader(client);
        var watch = Stopwatch.StartNew();
        while (reader.TryDocumentCount() is not First)
        {
            Assert.False(serve.HasExited, "serve stopped before answering");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "serve did not answer within 30 s");
            Thread.Sleep(100);
        }

        // Each batch is written while the client reads; then the client reads on until serve shows the batch.
        var runs = new List<MarsadProcess.Result>();
        var during = 0;
        var expected = First;
        foreach (var folder in folders.Skip(1))
        {
            using (var writer = MarsadProcess.Start("analyze", folder, "--db", db, "--quiet", "--no-index"))
            {
                while (!writer.HasExited)
                {
                    reader.ReadEverything();
                    during++;
                }

                runs.Add(writer.WaitForExit(TimeSpan.FromMinutes(2)));
            }

            expected += Directory.GetFiles(folder).Length;
            var deadline = Stopwatch.StartNew();
            while (reader.Counts[^1] < expected && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                reader.ReadEverything();
            }
        }

        serve.Kill();
        var served = serve.WaitForExit(TimeSpan.FromSeconds(10));
        output.WriteLine($"{reader.Rounds} rounds of reads ({during} while analyze ran), {reader.Requests} requests; documents served: " +
                         string.Join(" → ", reader.Counts.Distinct()));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Stderr));
        Assert.All(runs, run => Assert.Equal("", run.Stderr));
        Assert.All(served.ErrorLines, line => Assert.Matches("^marsad: (serving|listening)", line));
        Assert.DoesNotContain("fail:", served.Stdout, StringComparison.Ordinal);
        Assert.Empty(reader.Failures);
        Assert.True(during > 0, "no reads while analyze ran");
        for (var i = 1; i < reader.Counts.Count; i++)
        {
            Assert.True(reader.Counts[i] >= reader.Counts[i - 1], $"read {i} saw {reader.Counts[i]} documents after {reader.Counts[i - 1]}");
        }

        // Serve took up every batch without a restart.
        var shown = reader.Counts.ToHashSet();
        Assert.All(Enumerable.Range(1, Batches).Select(b => First + (b * batchSize)), n => Assert.Contains(n, shown));
        Assert.Equal(Articles, reader.Counts[^1]);

        using var store = SqliteDocumentStore.Open(db);
        var stored = store.All().ToDictionary(d => d.Id, StringComparer.Ordinal);
        Assert.Equal(Articles, stored.Count);
        Assert.NotEmpty(reader.Documents);
        foreach (var (id, seen) in reader.Documents)
        {
            Assert.True(stored.TryGetValue(id, out var final), $"served document {id} is not stored");
            Assert.Equal(final.Text, seen.Text);
            Assert.Equal(final.ContentHash, seen.ContentHash);
            Assert.Equal(final.Title, seen.Title);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What a served document said about itself: read from its contract object.</summary>
    private sealed record SeenDocument(string Text, string ContentHash, string? Title);

    /// <summary>A client that reads every endpoint in turn and records what it saw and what went wrong.</summary>
    private sealed class ApiReader(HttpClient client)
    {
        public List<string> Failures { get; } = [];

        public List<int> Counts { get; } = [];

        public Dictionary<string, SeenDocument> Documents { get; } = new(StringComparer.Ordinal);

        public int Rounds { get; private set; }

        public int Requests { get; private set; }

        public int? TryDocumentCount()
        {
            try
            {
                using var response = client.GetAsync("/api/stats").GetAwaiter().GetResult();
                return response.IsSuccessStatusCode
                    ? JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("documents").GetInt32()
                    : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }

        /// <summary>One round: stats, lists, one document of the list (the last listed, often the newest), stories, one story, search and the other sections.</summary>
        public void ReadEverything()
        {
            Rounds++;
            if (Get("/api/stats") is { } stats)
            {
                Counts.Add(stats.RootElement.GetProperty("documents").GetInt32());
            }

            if (Get("/api/documents?limit=500") is { } list && list.RootElement.GetProperty("items").GetArrayLength() > 0)
            {
                var ids = list.RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
                foreach (var id in new[] { ids[0], ids[^1], ids[Rounds % ids.Count] }.Distinct(StringComparer.Ordinal))
                {
                    ReadDocument(id);
                }
            }

            if (Get("/api/stories") is { } stories && stories.RootElement.GetProperty("items") is { } items && items.GetArrayLength() > 0)
            {
                var story = items[Rounds % items.GetArrayLength()].GetProperty("id").GetString();

                // A story listed a moment ago may have been merged since: its id then answers its survivor.
                Get($"/api/stories/{Uri.EscapeDataString(story!)}", allowNotFound: true);
            }

            foreach (var path in new[] { "/api/search?q=" + Uri.EscapeDataString("بغداد"), "/api/events", "/api/entities", "/api/timeline", "/api/discrepancies", "/api/duplicates" })
            {
                Get(path);
            }
        }

        private void ReadDocument(string id)
        {
            if (Get($"/api/documents/{Uri.EscapeDataString(id)}") is not { } detail)
            {
                return;
            }

            var root = detail.RootElement;
            var text = root.GetProperty("text").GetString()!;
            var analysis = root.GetProperty("analysis");
            if (root.GetProperty("document").GetProperty("id").GetString() != id || analysis.GetProperty("id").GetString() != id
                || analysis.GetProperty("text").GetString() != text || root.GetProperty("document").GetProperty("length").GetInt32() != text.Length)
            {
                Failures.Add($"document {id}: its parts disagree");
                return;
            }

            var seen = new SeenDocument(text, analysis.GetProperty("contentHash").GetString()!, analysis.GetProperty("title").GetString());
            if (Documents.TryGetValue(id, out var before) && before != seen)
            {
                Failures.Add($"document {id} changed between reads");
            }

            Documents[id] = seen;
        }

        private JsonDocument? Get(string path, bool allowNotFound = false)
        {
            Requests++;
            try
            {
                using var response = client.GetAsync(path).GetAwaiter().GetResult();
                var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.NotFound && allowNotFound)
                {
                    return null;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Failures.Add($"{path}: HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
                    return null;
                }

                return JsonDocument.Parse(body);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                Failures.Add($"{path}: {ex.GetType().Name}: {ex.Message}");
                return null;
            }
        }
    }
}
