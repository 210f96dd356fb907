using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Arabic;

namespace Marsad.Storage.Search;

/// <summary>
/// Normalizes an Arabic word and keeps its stem: the proclitics (و ف ب ك ل س ال) and the pronoun enclitic that
/// <see cref="CliticSegmenter"/> finds are cut off, so وبالكتاب, الكتاب and كتاب index as one term. Rules:
/// <list type="bullet">
/// <item>the segmenter reads the word as written (it needs ة/ه and أ/ا apart); the term becomes the normalized stem
/// (<see cref="ArabicNormalizer"/>: أ إ آ → ا, ى → ي, ة → ه, no diacritics or tatweel);</item>
/// <item>a stem cut before an enclitic that ends in ت is given back its ة (ه once normalized) when the corpus counts
/// (<c>data/ar/word-freq.tsv</c>) know the ة form better (حكومتها → حكومه, but بيتها → بيت);</item>
/// <item>offsets stay those of the whole word, so a highlight covers the clitics too;</item>
/// <item>numbers and Latin tokens pass unchanged.</item>
/// </list>
/// The two steps are one filter because the segmentation is computed on the unnormalized letters.
/// </summary>
public sealed class ArabicCliticStemFilter : TokenFilter
{
    private readonly CliticSegmenter _segmenter;
    private readonly WordLexicon _counts;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public ArabicCliticStemFilter(TokenStream input, CliticSegmenter segmenter, WordLexicon counts)
        : base(input)
    {
        _segmenter = segmenter;
        _counts = counts;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_type.Type != ArabicSearchTokenizer.ArabicType)
        {
            return true;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        var segmentation = _segmenter.Segment(buffer.AsSpan(0, length));

        // Normalize in place: the normalizer maps one character to at most one.
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var m = ArabicNormalizer.Map(buffer[i]);
            if (m != '\0')
            {
                buffer[n++] = m;
            }
        }

        var stemLength = n - segmentation.PrefixLength - segmentation.SuffixLength;
        if (segmentation.PrefixLength > 0 && stemLength > 0)
        {
            Array.Copy(buffer, segmentation.PrefixLength, buffer, 0, stemLength);
        }

        if (stemLength <= 0)
        {
            _term.Length = n;
            return true;
        }

        if (segmentation.SuffixLength > 0 && buffer[stemLength - 1] == 'ت')
        {
            RestoreTaMarbuta(buffer, stemLength);
        }

        _term.Length = stemLength;
        return true;
    }

    private void RestoreTaMarbuta(char[] buffer, int length)
    {
        var asWritten = _counts.ValueOf(buffer.AsSpan(0, length));
        buffer[length - 1] = 'ه';
        if (_counts.ValueOf(buffer.AsSpan(0, length)) <= asWritten)
        {
            buffer[length - 1] = 'ت';
        }
    }
}
