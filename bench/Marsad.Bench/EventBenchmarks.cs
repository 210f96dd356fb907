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
        _documents = BenchCorpus.LoadArticles(ArticleCount).Select((text, i) =>
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
}
