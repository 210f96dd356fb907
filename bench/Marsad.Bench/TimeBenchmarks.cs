using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Marsad.Arabic;
using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Bench;

/// <summary>
/// Throughput of the time layer on real news (the ANT corpus in ../shared/data/corpus, read in place): the
/// extractor alone and the whole annotator (extract, date, resolve, check weekdays). The yardstick is 5 MB/s of
/// UTF-8 text on one core; the MB/s figure is printed in GlobalSetup beside the text size.
/// </summary>
[MemoryDiagnoser]
public class TimeBenchmarks
{
    private string[] _texts = [];

    [Params(2000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = LoadCorpus(Articles);
        _ = TimeExtractor.Default;
        var bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// {_texts.Length} articles, {bytes / 1e6:0.00} MB of UTF-8 text");
    }

    [Benchmark]
    public int Extract()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += TimeExtractor.Default.Extract(t).Count;
        }

        return n;
    }

    [Benchmark]
    public int Annotate()
    {
        var annotator = new TimeAnnotator();
        var n = 0;
        foreach (var t in _texts)
        {
            var doc = new Document("b", t);
            annotator.Annotate(doc);
            n += doc.Get(Layers.Times).Count;
        }

        return n;
    }

    [Benchmark]
    public int NormalizeOnly()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            n += ArabicNormalizer.NormalizeWithMap(t).Text.Length;
        }

        return n;
    }

    /// <summary>The first articles of the multi-source ANT corpus beside the repository (../shared/data/corpus).</summary>
    public static string[] LoadCorpus(int count)
    {
        var path = FindShared("data", "corpus", "ant_v2.1_multisource.jsonl.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var texts = new List<string>(count);
        while (texts.Count < count && reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } s)
            {
                texts.Add(s);
            }
        }

        return texts.ToArray();
    }

    private static string FindShared(params string[] parts)
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var root = !string.IsNullOrEmpty(env) ? env : Path.Combine(dir.FullName, "shared");
            var candidate = Path.Combine([root, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"../shared/{string.Join('/', parts)} not found above {AppContext.BaseDirectory}; set MARSAD_SHARED");
    }
}
