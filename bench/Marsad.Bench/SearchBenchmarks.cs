using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;
using Marsad.Storage.Search;

namespace Marsad.Bench;

/// <summary>
/// Search over <see cref="DocumentCount"/> documents of the shared corpus (repeated with new ids past its ~70k unique
/// articles). <see cref="Index"/>: a fresh on-disk index of every document with our analyzer (documents/s = count / mean);
/// <see cref="IndexStockArabic"/>: the same with Lucene's ArabicAnalyzer, the yardstick. <see cref="Query"/>: 1,000
/// title-word queries (a quarter filtered by outlet or date) with snippets over a prebuilt index; the latency of every
/// query is recorded and p50/p99 are printed at cleanup (BenchmarkDotNet's own columns give the mean per 1,000).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SearchBenchmarks
{
    private const int QueryCount = 1000;

    private List<IndexedDocument> _docs = [];
    private List<SearchQuery> _queries = [];
    private string _dir = "";
    private DocumentIndex? _index;
    private SearchService? _search;
    private double[] _latencies = [];

    [Params(100_000)]
    public int DocumentCount { get; set; }

    [GlobalSetup(Targets = [nameof(Index), nameof(IndexStockArabic)])]
    public void SetupIndexing()
    {
        _docs = SearchCorpus.Load(DocumentCount);
        _dir = Directory.CreateTempSubdirectory("marsad-bench-index-").FullName;
        Console.WriteLine($"// {_docs.Count} documents, {_docs.Sum(d => (long)d.Text.Length)} chars");
    }

    [GlobalSetup(Target = nameof(Query))]
    public void SetupQueries()
    {
        SetupIndexing();
        var watch = Stopwatch.StartNew();
        _index = DocumentIndex.Open(Path.Combine(_dir, "query"));
        foreach (var d in _docs)
        {
            _index.Upsert(d);
        }

        _index.Commit();
        Console.WriteLine($"// query index built in {watch.Elapsed.TotalSeconds:0.0} s ({_docs.Count / watch.Elapsed.TotalSeconds:0} documents/s, one thread)");
        _search = _index.CreateSearchService();
        _queries = SearchCorpus.Queries(_docs, QueryCount);
        _docs = [];
        GC.Collect();
    }

    [Benchmark]
    public int Index()
    {
        var path = Path.Combine(_dir, "fresh");
        if (Directory.Exists(path))
        {
            Directory.Delete(path, true);
        }

        using var index = DocumentIndex.Open(path);
        Parallel.ForEach(_docs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index.Upsert);
        index.Commit();
        return index.Count;
    }

    [Benchmark]
    public int IndexStockArabic()
    {
        var path = Path.Combine(_dir, "stock");
        if (Directory.Exists(path))
        {
            Directory.Delete(path, true);
        }

        using var index = DocumentIndex.Open(path, new ArabicAnalyzer(LuceneVersion.LUCENE_48));
        Parallel.ForEach(_docs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index.Upsert);
        index.Commit();
        return index.Count;
    }

    [Benchmark]
    public int Query()
    {
        var latencies = new double[_queries.Count];
        var hits = 0;
        for (var i = 0; i < _queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hits += _search!.Search(_queries[i]).Hits.Count;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        _latencies = latencies;
        return hits;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_latencies.Length > 0)
        {
            Array.Sort(_latencies);
            Console.WriteLine($"// query latency over {_latencies.Length} queries (last iteration): p50 {Percentile(0.50):0.00} ms, p90 {Percentile(0.90):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {_latencies[^1]:0.00} ms");
        }

        _search?.Dispose();
        _index?.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private double Percentile(double p) => _latencies[Math.Min(_latencies.Length - 1, (int)Math.Ceiling(p * _latencies.Length) - 1)];
}
