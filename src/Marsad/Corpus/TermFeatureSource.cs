using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// The salient terms of a document. Rules:
/// <list type="bullet">
/// <item>terms are the stems of word tokens: the normalized form (<see cref="Layers.Normalized"/>) without the
/// clitics of <see cref="Layers.Segments"/> ("والميليشيات" → "ميليشيات"), so inflected and prefixed forms meet;</item>
/// <item>stop words (checked on the whole form and on the stem) and stems shorter than three letters are skipped;</item>
/// <item>inflected forms count as one term: the key is the stem without one inflectional suffix (<see cref="LightStemRules"/>:
/// "صاروخا"/"صاروخ", "الحوثيين"/"الحوثيون"/"حوثي"), since outlets inflect the same names and nouns differently;</item>
/// <item>weight = (1 + ln tf) × background IDF (<see cref="BackgroundIdf"/>) of the term's most frequent form (the lowest
/// IDF of its forms), so a rare inflection of a common word does not weigh as a rare word;</item>
/// <item>only the <see cref="MaxTerms"/> heaviest terms are kept, ties in ordinal order, so the result is deterministic
/// and the cost per document bounded.</item>
/// </list>
/// </summary>
public sealed class TermFeatureSource : IStoryFeatureSource
{
    public TermFeatureSource(int maxTerms = 40, WordLexicon? stopWords = null, BackgroundIdf? idf = null, LightStemRules? stems = null)
    {
        MaxTerms = maxTerms;
        StopWordList = stopWords ?? StopWords.Default;
        Idf = idf ?? BackgroundIdf.Default;
        Stems = stems ?? LightStemRules.Default;
    }

    public static TermFeatureSource Default { get; } = new();

    public int MaxTerms { get; }

    public WordLexicon StopWordList { get; }

    public BackgroundIdf Idf { get; }

    public LightStemRules Stems { get; }

    public IEnumerable<StoryFeature> Extract(Document document)
    {
        if (!document.TryGet(Layers.Normalized, out var normalized) || !document.TryGet(Layers.Tokens, out var tokens))
        {
            return [];
        }

        var segments = document.Get(Layers.Segments);
        var text = normalized.Text;
        var counts = new Dictionary<string, (int Tf, double Idf)>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var form = token.Norm.Slice(text);
            var stem = form;
            if (i < segments.Count && segments[i].PrefixLength + segments[i].SuffixLength < form.Length)
            {
                stem = form[segments[i].PrefixLength..(form.Length - segments[i].SuffixLength)];
            }

            if (stem.Length < 3 || StopWordList.Contains(form) || StopWordList.Contains(stem))
            {
                continue;
            }

            var key = stem[..Stems.StemLength(stem)];
            var idf = Idf.Of(stem);
            lookup[key] = lookup.TryGetValue(key, out var seen) ? (seen.Tf + 1, Math.Min(seen.Idf, idf)) : (1, idf);
        }

        var features = new List<StoryFeature>(counts.Count);
        foreach (var (stem, (tf, idf)) in counts)
        {
            var weight = (1 + Math.Log(tf)) * idf;
            if (weight > 0)
            {
                features.Add(new StoryFeature(stem, weight));
            }
        }

        features.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Key, b.Key));
        return features.Count > MaxTerms ? features.GetRange(0, MaxTerms) : features;
    }
}
