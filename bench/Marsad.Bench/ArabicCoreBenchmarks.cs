using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Bench;

/// <summary>
/// The Arabic core over real articles: the "text" field of the first <see cref="ArticleCount"/> records of the ANT v2.1
/// corpus (shared/data/corpus, found through MARSAD_SHARED or ../shared beside the repository). Each operation
/// processes every article once; throughput = <see cref="TotalChars"/> (printed at setup) / mean time.
/// </summary>
[MemoryDiagnoser]
public class ArabicCoreBenchmarks
{
    private static readonly AnnotationPipeline Pipeline = new(ArabicPipeline.Default());

    private string[] _texts = [];
    private NormalizedText[] _normalized = [];
    private Token[][] _tokens = [];

    [Params(2000)]
    public int ArticleCount { get; set; }

    public long TotalChars { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchCorpus.LoadArticles(ArticleCount);
        _normalized = _texts.Select(ArabicNormalizer.NormalizeWithMap).ToArray();
        _tokens = _texts.Select((t, i) => ArabicTokenizer.Tokenize(t, _normalized[i])).ToArray();
        TotalChars = _texts.Sum(t => (long)t.Length);
        var bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var tokens = _tokens.Sum(t => (long)t.Length);

        // Load the data files outside the measured code.
        _ = CliticSegmenter.Default;
        _ = SentenceSplitter.Default;
        _ = ArabicNumberParser.Default;
        Console.WriteLine($"// corpus: {_texts.Length} articles, {TotalChars} chars, {bytes} UTF-8 bytes, {tokens} tokens");
    }

    [Benchmark]
    public int NormalizeAndTokenize()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += ArabicTokenizer.Tokenize(text, ArabicNormalizer.NormalizeWithMap(text)).Length;
        }

        return n;
    }

    [Benchmark]
    public int Segment()
    {
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            n += CliticSegmenter.Default.SegmentAll(_texts[i], _normalized[i], _tokens[i]).Length;
        }

        return n;
    }

    [Benchmark]
    public int Sentences()
    {
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            n += SentenceSplitter.Default.Split(_texts[i], _tokens[i]).Count;
        }

        return n;
    }

    [Benchmark]
    public int Numbers()
    {
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            n += ArabicNumberParser.Default.Parse(_texts[i], _normalized[i], _tokens[i]).Count;
        }

        return n;
    }

    /// <summary>The whole core as the pipeline runs it: tokens with segments, sentences, numbers.</summary>
    [Benchmark(Baseline = true)]
    public int WholeCore()
    {
        var pipeline = Pipeline;
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            var doc = new Document(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _texts[i]);
            pipeline.Run(doc);
            n += doc.Get(Layers.Numbers).Count;
        }

        return n;
    }
}
