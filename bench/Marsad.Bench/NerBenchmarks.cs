using BenchmarkDotNet.Attributes;
using Marsad.Arabic;
using Marsad.Extract.Entities;

namespace Marsad.Bench;

/// <summary>
/// Entity tagger throughput (one core, the ANERcorp CAMeL-split test set: ~25k tokens per invocation, reported per
/// token) sentence by sentence and by documents (with the document pass), with warm and with cold word caches
/// (see WordScoreCache), and model load time. The test set is read from ../shared/data (or MARSAD_SHARED); without it, a sentence
/// written for this benchmark is repeated to the same size.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private const int TokensPerInvoke = 25_000;

    private List<string[]> _sentences = [];
    private EntityTagger _tagger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tagger = EntityTagger.Default;
        var test = FindTestSet();
        var sentences = test is null
            ? []
            : ConllReader.ReadFile(test).Select(s => s.Tokens.ToArray()).ToList();
        if (sentences.Count == 0)
        {
            string[] sentence = ["قال", "الرئيس", "محمد", "العلي", "في", "بغداد", "إن", "الحكومة", "ستعقد", "اجتماعا", "مع", "الأمم", "المتحدة", "."];
            sentences = Enumerable.Repeat(sentence, TokensPerInvoke / sentence.Length).ToList();
        }

        // Exactly TokensPerInvoke tokens, so the per-operation time is per token.
        _sentences = [];
        var count = 0;
        foreach (var s in sentences.Concat(sentences))
        {
            var take = Math.Min(s.Length, TokensPerInvoke - count);
            _sentences.Add(s[..take]);
            count += take;
            if (count == TokensPerInvoke)
            {
                break;
            }
        }
    }

    /// <summary>Time per token; tokens/s = 1 / this.</summary>
    [Benchmark(OperationsPerInvoke = TokensPerInvoke)]
    public int TagPerToken()
    {
        var n = 0;
        foreach (var s in _sentences)
        {
            n += _tagger.Tag(s).Length;
        }

        return n;
    }

    /// <summary>Time per token with the document pass (documents of 20 sentences, two passes).</summary>
    [Benchmark(OperationsPerInvoke = TokensPerInvoke)]
    public int TagDocumentPerToken()
    {
        var n = 0;
        for (var start = 0; start < _sentences.Count; start += EntityTagger.DefaultDocumentSentences)
        {
            var doc = _sentences.Skip(start).Take(EntityTagger.DefaultDocumentSentences).ToArray();
            n += _tagger.TagDocument(doc).Length;
        }

        return n;
    }

    /// <summary>
    /// As <see cref="TagDocumentPerToken"/>, but every invocation starts with empty word caches, so each distinct word
    /// of the 25k tokens pays its first sighting: the cost of a short run, where the warm figure is a long stream's.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TokensPerInvoke)]
    public int TagDocumentColdPerToken()
    {
        _tagger.ResetCaches();
        return TagDocumentPerToken();
    }

    [Benchmark]
    public EntityTagger LoadModel() => EntityTagger.Load(DataFiles.Path(EntityTagger.DefaultModelPath));

    private static string? FindTestSet()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(env))
        {
            roots.Add(env);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            roots.Add(Path.Combine(dir.FullName, "shared"));
        }

        return roots.Select(r => Path.Combine(r, "data", "anercorp", "test.txt")).FirstOrDefault(File.Exists);
    }
}
