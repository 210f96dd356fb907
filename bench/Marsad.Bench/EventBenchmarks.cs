using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Analysis;
using Marsad.Corpus.Events;
using Marsad.Extract.Events;
using Marsad.Extract.Quantities;
using Marsad.Extract.Quotes;
using Marsad.Model;

namespace Marsad.Bench;

/// <summary>
/// The event stage over <see cref="ArticleCount"/> articles of the ANT v2.1 corpus (../shared/data/corpus), annotated
/// once by the default chain in setup: events, quotes and quantities extracted per article, and the events merged as one
/// story. Throughput = ArticleCount / mean time.
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private const int ArticleCount = 1000;

    private Document[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = DefaultPipeline.Create();
        _documents = LoadArticles(ArticleCount).Select((text, i) =>
        {
            var d = new Document(i.ToString(System.Globalization.CultureInfo.InvariantCulture), text)
            {
                Published = new DateOnly(2020, 1, 1),
                PublishedFrom = PublishedFrom.Metadata,
            };
            pipeline.Run(d);
            return d;
        }).ToArray();
    }

    [Benchmark]
    public int ExtractEvents() => _documents.Sum(d => EventExtractor.Default.Extract(d).Count);

    [Benchmark]
    public int ExtractQuotes() => _documents.Sum(d => QuoteExtractor.Default.Extract(d).Count);

    [Benchmark]
    public int ExtractQuantities() => _documents.Sum(d => QuantityExtractor.Default.Extract(d).Count);

    [Benchmark]
    public int MergeEvents() => EventMerger.Default.Merge([new Story("s1", "", _documents.Select(d => d.Id).ToList(), null, null)], _documents).Count;

    private static string[] LoadArticles(int count)
    {
        var path = Path.Combine(SharedRoot(), "data", "corpus", "ant_v2.1_multisource.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var texts = new List<string>(count);
        while (texts.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } s)
            {
                texts.Add(s);
            }
        }

        return texts.ToArray();
    }

    private static string SharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                if (Directory.Exists(shared))
                {
                    return shared;
                }
            }
        }

        throw new DirectoryNotFoundException("shared data not found: set MARSAD_SHARED or place shared/ beside the repository");
    }
}
