using Marsad.Corpus;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// What the event rules read of one document: its tokens with normalized forms and stems, the sentences as token
/// ranges, the entity mention starting at each token, the numbers and the time mentions. Built once per document.
/// </summary>
internal sealed class EventText
{
    private static readonly char[] WordClitics = ['و', 'ف'];

    private readonly TokenView _view;
    private readonly Dictionary<int, int> _entityAt = [];

    public EventText(Document document)
    {
        Document = document;
        Text = document.Text;
        Normalized = document.TryGet(Layers.Normalized, out var n) ? n.Text : document.Text;
        Tokens = document.Get(Layers.Tokens);
        Segments = document.Get(Layers.Segments);
        _view = new TokenView(Normalized, Tokens, Segments);
        Entities = document.Get(EntityLayers.Entities);
        Numbers = document.Get(Layers.Numbers);
        Times = document.Get(Layers.Times);

        var sentences = document.Get(Layers.Sentences);
        var ranges = new List<(int First, int End)>(sentences.Count);
        var t = 0;
        foreach (var s in sentences)
        {
            while (t < Tokens.Count && Tokens[t].Span.End <= s.Span.Start)
            {
                t++;
            }

            var first = t;
            while (t < Tokens.Count && Tokens[t].Span.Start < s.Span.End)
            {
                t++;
            }

            if (t > first)
            {
                ranges.Add((first, t));
            }
        }

        if (ranges.Count == 0 && Tokens.Count > 0)
        {
            ranges.Add((0, Tokens.Count));
        }

        Sentences = ranges;
        EntityTokens = new (int First, int Last)[Entities.Count];
        var k = 0;
        for (var e = 0; e < Entities.Count; e++)
        {
            var span = Entities[e].Mention.Span;
            while (k < Tokens.Count && Tokens[k].Span.End <= span.Start)
            {
                k++;
            }

            var last = k;
            while (last + 1 < Tokens.Count && Tokens[last + 1].Span.Start < span.End)
            {
                last++;
            }

            EntityTokens[e] = (k, last);
            _entityAt.TryAdd(k, e);
        }
    }

    public Document Document { get; }

    public string Text { get; }

    public string Normalized { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<Segmentation> Segments { get; }

    public IReadOnlyList<LinkedMention> Entities { get; }

    /// <summary>The first and last token of each entity mention.</summary>
    public (int First, int Last)[] EntityTokens { get; }

    public IReadOnlyList<NumberMention> Numbers { get; }

    public IReadOnlyList<TimeMention> Times { get; }

    /// <summary>Each sentence as a range of token indices [First, End).</summary>
    public IReadOnlyList<(int First, int End)> Sentences { get; }

    public ReadOnlySpan<char> Form(int i) => _view.Form(i);

    public ReadOnlySpan<char> Stem(int i) => _view.Stem(i);

    public bool IsWord(int i) => Tokens[i].Kind == TokenKind.Word;

    public bool IsPunctuation(int i) => Tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    /// <summary>The proclitics the segmenter cut from token <paramref name="i"/>, in normalized letters.</summary>
    public ReadOnlySpan<char> Prefix(int i)
    {
        var form = Form(i);
        var length = i < Segments.Count ? Math.Min(Segments[i].PrefixLength, form.Length) : 0;
        return form[..length];
    }

    /// <summary>The index of the entity mention that starts at token <paramref name="i"/>, or -1.</summary>
    public int EntityStartingAt(int i) => _entityAt.TryGetValue(i, out var e) ? e : -1;

    /// <summary>Looks a token up by its stem, then its form, then its form without a leading و or ف.</summary>
    public bool TryLookup<T>(WordTable<T> table, int i, out T value)
    {
        if (table.TryGet(Stem(i), out value) || table.TryGet(Form(i), out value))
        {
            return true;
        }

        var form = Form(i);
        return form.Length > 2 && form.IndexOfAny(WordClitics) == 0 && table.TryGet(form[1..], out value);
    }

    /// <summary>Looks up the two-word form made by tokens <paramref name="i"/> and <paramref name="i"/>+1.</summary>
    public bool TryLookupPair<T>(WordTable<T> table, int i, out T value)
    {
        if (i + 1 < Tokens.Count && (table.TryGetPair(Stem(i), Stem(i + 1), out value) || table.TryGetPair(Form(i), Form(i + 1), out value)))
        {
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The sentence index of token <paramref name="i"/>.</summary>
    public int SentenceOf(int i)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Sentences[mid].End <= i)
            {
                lo = mid + 1;
            }
            else if (Sentences[mid].First > i)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return Math.Clamp(lo, 0, Math.Max(0, Sentences.Count - 1));
    }

    public TextSpan SpanOf(int first, int end) => new(Tokens[first].Span.Start, Tokens[end - 1].Span.End);
}
