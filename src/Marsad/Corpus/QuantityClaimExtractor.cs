using Marsad.Arabic;
using Marsad.Extract.Quantities;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Finds quantity claims in a document: the counted numbers of the quantity layer (<see cref="QuantityExtractor"/>, the
/// one counted-number extractor and unit table), each with its place scope. Rules:
/// <list type="bullet">
/// <item>its scope is the place phrase introduced by في: the nearest one before the number in the same clause
/// (no punctuation between, at most <see cref="ScopeLookBack"/> words back: "يوجد في العراق نحو 2500 جندي"), else one right
/// after the unit (within <see cref="ScopeLookAhead"/> words: "2500 عسكري في العراق");</item>
/// <item>a place phrase is the word after في and the words joined to it by و ("في العراق وسوريا"), as stems, stopping at a stop word;</item>
/// <item>a claim of the first <see cref="LedeSentences"/> sentences is marked as the lede's.</item>
/// </list>
/// </summary>
public sealed class QuantityClaimExtractor(QuantityExtractor quantities, WordLexicon stopWords)
{
    private const int ScopeLookBack = 8;
    private const int ScopeLookAhead = 3;
    private const int MaxScopeWords = 3;

    /// <summary>The opening sentences of a report (its lede), which tell the main event.</summary>
    private const int LedeSentences = 2;

    private static readonly Lazy<QuantityClaimExtractor> DefaultInstance = new(() => new QuantityClaimExtractor(QuantityExtractor.Default, StopWords.Default));

    private readonly WordLexicon _stopWords = stopWords;

    public static QuantityClaimExtractor Default => DefaultInstance.Value;

    public IReadOnlyList<QuantityClaim> Extract(Document document)
    {
        if (!document.TryGet(Layers.Normalized, out var normalized) || !document.TryGet(Layers.Tokens, out var tokens))
        {
            return [];
        }

        var found = document.TryGet(QuantityLayers.Quantities, out var layer) ? layer : quantities.Extract(document);
        if (found.Count == 0)
        {
            return [];
        }

        var words = new TokenView(normalized.Text, tokens, document.Get(Layers.Segments));
        var lede = document.TryGet(Layers.Sentences, out var sentences) && sentences.Count > 0 ? sentences[Math.Min(LedeSentences, sentences.Count) - 1].Span.End : 0;
        var claims = new List<QuantityClaim>();
        foreach (var q in found)
        {
            var t = 0;
            while (t < tokens.Count && tokens[t].Span.End <= q.Span.Start)
            {
                t++;
            }

            var u = t;
            while (u + 1 < tokens.Count && tokens[u + 1].Span.End <= q.Span.End)
            {
                u++;
            }

            var scope = ScopeBefore(words, t) ?? ScopeAfter(words, u);
            var start = Math.Min(q.Span.Start, scope?.Span.Start ?? int.MaxValue);
            var end = Math.Max(q.Span.End, scope?.Span.End ?? 0);
            var span = new TextSpan(start, end);
            claims.Add(new QuantityClaim(document.Id, q.Value, q.Approx, q.Unit, scope?.Stems ?? [],
                scope is { } s ? s.Span.Of(document.Text) : "", span, span.Of(document.Text), q.Span.Start < lede));
        }

        return claims;
    }

    private (List<string> Stems, TextSpan Span)? ScopeBefore(TokenView words, int numberToken)
    {
        for (int i = numberToken - 1, seen = 0; i >= 0 && seen < ScopeLookBack; i--)
        {
            if (words.Tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                return null;
            }

            seen++;
            if (words.Form(i).SequenceEqual("في") && i + 1 < numberToken)
            {
                return Phrase(words, i + 1, numberToken);
            }
        }

        return null;
    }

    private (List<string> Stems, TextSpan Span)? ScopeAfter(TokenView words, int unitToken)
    {
        for (var i = unitToken + 1; i < words.Tokens.Count && i <= unitToken + ScopeLookAhead; i++)
        {
            if (words.Tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                return null;
            }

            if (words.Form(i).SequenceEqual("في"))
            {
                return Phrase(words, i + 1, words.Tokens.Count);
            }
        }

        return null;
    }

    private (List<string> Stems, TextSpan Span)? Phrase(TokenView words, int first, int limit)
    {
        var stems = new List<string>();
        var end = first;
        for (var i = first; i < limit && stems.Count < MaxScopeWords; i++)
        {
            var token = words.Tokens[i];
            var stem = words.Stem(i);
            var joined = i == first || words.Form(i).StartsWith("و");
            if (token.Kind != TokenKind.Word || !joined || stem.Length < 2 || _stopWords.Contains(words.Form(i)) || _stopWords.Contains(stem))
            {
                break;
            }

            stems.Add(stem.ToString());
            end = i;
        }

        return stems.Count == 0 ? null : (stems, new TextSpan(words.Tokens[first].Span.Start, words.Tokens[end].Span.End));
    }
}
