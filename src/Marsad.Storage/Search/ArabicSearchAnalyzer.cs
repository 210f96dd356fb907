using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Marsad.Arabic;

namespace Marsad.Storage.Search;

/// <summary>
/// Marsad's search analysis, used alike for indexing, queries and snippets. The chain (order matters):
/// <list type="number">
/// <item><see cref="ArabicSearchTokenizer"/>: the engine's tokenizer, offsets in the original text;</item>
/// <item>a length filter: a token longer than <see cref="MaxTokenLength"/> characters is no word a reader searches for, and
/// past Lucene's term limit (32,766 UTF-8 bytes) it would make the whole document unindexable; it is dropped, at index and
/// query time alike;</item>
/// <item><see cref="ArabicCliticStemFilter"/>: the engine's normalizer and clitic segmentation, keeping the stem
/// (segmentation before normalization would lose ة/ه and أ/ا, which the segmenter uses);</item>
/// <item>a stop filter over <c>data/ar/search-stopwords.tsv</c>, applied to stems so وفي and في both go;</item>
/// <item><see cref="ArabicLightStemFilter"/>: one inflectional suffix off (<c>data/ar/light-stem-suffixes.tsv</c>).</item>
/// </list>
/// Stateless apart from Lucene's per-thread component reuse; one instance serves a whole index.
/// </summary>
public sealed class ArabicSearchAnalyzer : Analyzer
{
    /// <summary>Positions left between the values of a multi-valued field, so a phrase never spans two entities.</summary>
    public const int ValueGap = 100;

    /// <summary>The longest token kept (as Lucene's standard tokenizer bounds its tokens).</summary>
    public const int MaxTokenLength = 255;

    private static readonly Lazy<CharArraySet> DefaultStopWords = new(() =>
        new CharArraySet(LuceneVersion.LUCENE_48, TsvLexicon.ReadData("ar", "search-stopwords.tsv").Select(f => f[0]).ToList(), false).AsReadOnly());

    private static readonly Lazy<WordLexicon> DefaultCounts = new(() => WordLexicon.WordFrequencies);

    private readonly CliticSegmenter _segmenter;
    private readonly WordLexicon _counts;
    private readonly LightStemRules _stems;
    private readonly CharArraySet _stopWords;

    public ArabicSearchAnalyzer()
        : this(CliticSegmenter.Default, DefaultCounts.Value, LightStemRules.Default, DefaultStopWords.Value)
    {
    }

    public ArabicSearchAnalyzer(CliticSegmenter segmenter, WordLexicon counts, LightStemRules stems, CharArraySet stopWords)
    {
        _segmenter = segmenter;
        _counts = counts;
        _stems = stems;
        _stopWords = stopWords;
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new ArabicSearchTokenizer(reader);
        TokenStream chain = new LengthFilter(LuceneVersion.LUCENE_48, source, 1, MaxTokenLength);
        chain = new ArabicCliticStemFilter(chain, _segmenter, _counts);
        chain = new StopFilter(LuceneVersion.LUCENE_48, chain, _stopWords);
        chain = new ArabicLightStemFilter(chain, _stems);
        return new TokenStreamComponents(source, chain);
    }
}
