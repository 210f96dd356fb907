using Marsad.Extract.Entities;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract.Entities;

/// <summary>
/// The tagger sums cached per-word scores (<see cref="WordScoreCache"/>) instead of looking up every feature of every
/// token; its tags must equal those of plain feature-by-feature scoring, the way the model was trained.
/// </summary>
public class WordScoreCacheTests
{
    [SharedFact]
    public void CachedScoringTagsAsFeatureByFeatureScoring()
    {
        var sentences = ConllReader.ReadFile(SharedData.Path("data", "anercorp", "test.txt")).Take(400).Select(s => (IReadOnlyList<string>)s.Tokens.ToArray()).ToList();
        AssertSameTags(sentences);
    }

    [Fact]
    public void CachedScoringTagsWrittenSentencesAsFeatureByFeatureScoring()
    {
        List<IReadOnlyList<string>> sentences =
        [
            ["التقى", "وزير", "الخارجية", "محمد", "العلي", "نظيره", "في", "دمشق", "."],
            ["وقال", "العلي", "(", "للصحفيين", ")", "إن", "الأمم", "المتحدة", "ستعقد", "اجتماعا", "في", "جنيف"],
            ["بغداد"],
            ["x", "2024", "CNN", "،", "١٢", "%"],
            ["واضاف", "العلي", "ان", "الاجتماع", "سيعقد", "في", "دمشق", "وبغداد", "."],
        ];
        AssertSameTags(sentences);
    }

    [SharedFact]
    public void TinyCacheThatTurnsOverOftenTagsTheSame()
    {
        var sentences = ConllReader.ReadFile(SharedData.Path("data", "anercorp", "test.txt")).Take(300).Select(s => (IReadOnlyList<string>)s.Tokens.ToArray()).ToList();
        AssertSameTags(sentences, EntityTagger.Default.WithCacheCapacity(64));
    }

    [SharedFact]
    public void ThreadsSharingATinyCacheTagAsOneThread()
    {
        var sentences = ConllReader.ReadFile(SharedData.Path("data", "anercorp", "test.txt")).Take(200).Select(s => (IReadOnlyList<string>)s.Tokens.ToArray()).ToList();
        var expected = EntityTagger.Default.TagDocument(sentences);
        var tagger = EntityTagger.Default.WithCacheCapacity(50);
        var results = new string[8][][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (var round = 0; round < 3; round++)
            {
                results[i] = tagger.TagDocument(sentences);
            }
        });
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static void AssertSameTags(List<IReadOnlyList<string>> sentences, EntityTagger? cached = null)
    {
        var tagger = cached ?? EntityTagger.Default;
        var extractor = new NerFeatureExtractor(tagger.Lexicon);
        var first = sentences.Select(s => Reference(tagger, extractor, s, null)).ToArray();
        Assert.Equal(first, sentences.Select(tagger.Tag).ToArray());

        if (tagger.DocumentPass is { } pass)
        {
            var hints = DocumentHints.Compute(sentences, first, extractor, tagger.Types);
            var expected = sentences.Select((s, i) => Reference(pass, extractor, s, hints[i])).ToArray();
            Assert.Equal(expected, tagger.TagDocument(sentences));
        }
    }

    /// <summary>Scores every feature key of every token, as training does, and decodes.</summary>
    private static string[] Reference(EntityTagger tagger, NerFeatureExtractor extractor, IReadOnlyList<string> tokens, byte[]? hints)
    {
        var keys = new List<ulong>();
        var offsets = new List<int>();
        extractor.Extract(tokens, keys, offsets, hints);
        var index = new FeatureIndex(tagger.Keys);
        var t = tagger.Tags.Length;
        var em = new float[tokens.Count * t];
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var f = index.Find(keys[k]);
                for (var j = 0; f >= 0 && j < t; j++)
                {
                    em[(i * t) + j] += tagger.Weights[(f * t) + j];
                }
            }
        }

        var ids = new int[tokens.Count];
        ViterbiDecoder.Decode(em, tagger.Transitions, ViterbiDecoder.AllowedTransitions(tagger.Tags), tokens.Count, t, ids);
        return ids.Select(i => TagScheme.ToBio(tagger.Tags[i])).ToArray();
    }
}
