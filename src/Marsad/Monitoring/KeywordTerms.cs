using System.Collections.Frozen;
using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Monitoring;

/// <summary>
/// The words of a text as the search analyzer reads them (Marsad.Storage's ArabicSearchAnalyzer, which the engine cannot
/// reach): the engine's tokenizer; an Arabic word segmented as written (<see cref="CliticSegmenter"/>), normalized, its
/// proclitics and pronoun enclitic cut off (a stem cut before an enclitic that ends in ت gets its ة back when the corpus
/// counts know that form better); the search stop words left out; one inflectional suffix off
/// (<see cref="LightStemRules"/>); numbers in ASCII digits, Latin lower-cased. So a keyword "كتائب حزب الله" matches
/// "وكتائب حزب الله" and "المقاومة الإسلامية في العراق" matches "للمقاومة الإسلامية بالعراق". A test keeps the two in step.
/// </summary>
public sealed class KeywordTerms
{
    private static readonly Lazy<KeywordTerms> DefaultInstance = new(() => new KeywordTerms(
        CliticSegmenter.Default,
        WordLexicon.WordFrequencies,
        LightStemRules.Default,
        TsvLexicon.ReadData("ar", "search-stopwords.tsv").Select(f => f[0])));

    private readonly CliticSegmenter _segmenter;
    private readonly WordLexicon _counts;
    private readonly LightStemRules _stems;
    private readonly FrozenSet<string> _stopWords;

    public KeywordTerms(CliticSegmenter segmenter, WordLexicon counts, LightStemRules stems, IEnumerable<string> stopWords)
    {
        _segmenter = segmenter;
        _counts = counts;
        _stems = stems;
        _stopWords = stopWords.ToFrozenSet(StringComparer.Ordinal);
    }

    public static KeywordTerms Default => DefaultInstance.Value;

    /// <summary>The terms of <paramref name="text"/> in order, each with the span of its word in the text.</summary>
    public IReadOnlyList<(string Term, TextSpan Span)> Terms(string text)
    {
        var normalized = ArabicNormalizer.NormalizeWithMap(text);
        var terms = new List<(string, TextSpan)>();
        foreach (var t in ArabicTokenizer.Tokenize(text, normalized))
        {
            var term = t.Kind switch
            {
                TokenKind.Word => Word(text.AsSpan(t.Span.Start, t.Span.Length)),
                TokenKind.Number => normalized.Text.Substring(t.Norm.Start, t.Norm.Length),
                TokenKind.Latin => normalized.Text.Substring(t.Norm.Start, t.Norm.Length).ToLowerInvariant(),
                _ => null,
            };
            if (term is { Length: > 0 })
            {
                terms.Add((term, t.Span));
            }
        }

        return terms;
    }

    /// <summary>
    /// Where the keyword's terms occur one after the other in <paramref name="terms"/> (a text's, from
    /// <see cref="Terms"/>): the span from its first word to its last; null when they do not, or the keyword has no term.
    /// </summary>
    public static TextSpan? Find(IReadOnlyList<(string Term, TextSpan Span)> terms, IReadOnlyList<string> keyword)
    {
        if (keyword.Count == 0)
        {
            return null;
        }

        for (var i = 0; i + keyword.Count <= terms.Count; i++)
        {
            var j = 0;
            while (j < keyword.Count && terms[i + j].Term == keyword[j])
            {
                j++;
            }

            if (j == keyword.Count)
            {
                return new TextSpan(terms[i].Span.Start, terms[i + j - 1].Span.End);
            }
        }

        return null;
    }

    private string? Word(ReadOnlySpan<char> word)
    {
        var segmentation = _segmenter.Segment(word);
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            var m = ArabicNormalizer.Map(c);
            if (m != '\0')
            {
                buffer[n++] = m;
            }
        }

        var start = segmentation.PrefixLength;
        var length = n - segmentation.PrefixLength - segmentation.SuffixLength;
        if (length <= 0)
        {
            start = 0;
            length = n;
        }
        else if (segmentation.SuffixLength > 0 && buffer[start + length - 1] == 'ت')
        {
            var asWritten = _counts.ValueOf(buffer.Slice(start, length));
            buffer[start + length - 1] = 'ه';
            if (_counts.ValueOf(buffer.Slice(start, length)) <= asWritten)
            {
                buffer[start + length - 1] = 'ت';
            }
        }

        var stem = buffer.Slice(start, length).ToString();
        if (_stopWords.Contains(stem))
        {
            return null;
        }

        return stem[.._stems.StemLength(stem)];
    }
}
