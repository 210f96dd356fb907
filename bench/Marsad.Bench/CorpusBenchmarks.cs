using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Model;

namespace Marsad.Bench;

/// <summary>
/// Story clustering and near-duplicate detection at scale: the first <see cref="BaseArticles"/> dated articles of the ANT
/// v2.1 corpus (../shared/data/corpus), annotated once, then repeated to <see cref="DocumentCount"/> documents — each
/// repetition gets new ids and its dates moved by two years, so it forms new stories instead of joining old ones.
/// Throughput = DocumentCount / mean time. Setup also prints one timed run with the managed memory the clusterer holds.
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private const int BaseArticles = 2000;

    private Document[] _documents = [];

    [Params(10_000, 100_000)]
    public int DocumentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = DefaultPipeline.Create();
        var originals = LoadArticles(BaseArticles).Select(a =>
        {
            var d = new Document(a.Id, a.Text) { Title = a.Title, Published = a.Published, PublishedFrom = PublishedFrom.Metadata };
            pipeline.Run(d);
            return d;
        }).ToArray();
        _documents = new Document[DocumentCount];
        for (var i = 0; i < DocumentCount; i++)
        {
            var o = originals[i % originals.Length];
            var round = i / originals.Length;
            var d = new Document(o.Id + "~" + round, o.Text) { Title = o.Title, Published = o.Published?.AddDays(730 * round), PublishedFrom = o.PublishedFrom };
            d.Set(Layers.Normalized, o.TryGet(Layers.Normalized, out var n) ? n : throw new InvalidOperationException());
            d.Set(Layers.Tokens, o.Get(Layers.Tokens));
            d.Set(Layers.Segments, o.Get(Layers.Segments));
            d.Set(Layers.Numbers, o.Get(Layers.Numbers));
            _documents[i] = d;
        }

        _ = TermFeatureSource.Default.Extract(originals[0]);
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var clusterer = new StoryClusterer();
        foreach (var d in _documents.OrderBy(d => d.Published ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            clusterer.Add(d);
        }

        var stories = clusterer.Stories();
        watch.Stop();
        var held = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(clusterer);
        var sizes = stories.Select(s => s.Documents.Count).ToList();
        Console.WriteLine($"// stories: {DocumentCount} docs in {watch.Elapsed.TotalSeconds:F2} s = {DocumentCount / watch.Elapsed.TotalSeconds:F0} docs/s; " +
            $"{stories.Count} stories (largest {sizes.Max()}, singletons {sizes.Count(s => s == 1)}); clusterer holds {held / 1048576.0:F1} MB; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    [Benchmark]
    public int ClusterStories() => StoryClusterer.Cluster(_documents).Count;

    [Benchmark]
    public int FindNearDuplicates() => NearDuplicateDetector.Find(_documents).Count;

    private static List<(string Id, string Text, string? Title, DateOnly? Published)> LoadArticles(int count)
    {
        var path = Path.Combine(BenchCorpus.SharedRoot(), "data", "corpus", "ant_v2.1_multisource.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var list = new List<(string, string, string?, DateOnly?)>(count);
        while (list.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } s)
            {
                var published = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String ? Marsad.Ingest.PublishedDateParser.Parse(t.GetString()) : null;
                list.Add((root.GetProperty("id").ToString(), s, root.TryGetProperty("title", out var ti) ? ti.GetString() : null, published));
            }
        }

        return list;
    }
}
