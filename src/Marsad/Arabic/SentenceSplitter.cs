using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>
/// Splits a tokenized text into sentences. Rules:
/// <list type="bullet">
/// <item>a line break always ends a sentence (the cleaned text has one paragraph a line), and resets open quotes;</item>
/// <item>. ! ? ؟ ۔ … and runs of them ("..", "؟!") end a sentence; ؛ and ; do so only when
/// <see cref="SentenceSplitterOptions.SemicolonEndsSentence"/> is set;</item>
/// <item>closing quotes and brackets right after the end mark belong to the sentence (...انتهى.» ثم); quotes are
/// « » (nesting), “ ” in either order, and the straight " that toggles;</item>
/// <item>inside a quotation that continues after the end mark («... انتهى. وسنواصل») the sentence does not end;</item>
/// <item>a dot after a single letter of any script (د. م. ص. J.) or after an abbreviation of
/// <c>data/ar/abbreviations.tsv</c> does not end a sentence, nor does a dot glued to a following Latin word or number
/// (bbc.com) or after a list number at the start of a line ("1. ");</item>
/// <item>numbers keep their dots (2.5 is one token), so they never end a sentence;</item>
/// <item>an ellipsis followed on the same line by a comma, colon or closing bracket does not end a sentence;</item>
/// <item>a sentence longer than <see cref="SentenceSplitterOptions.MaxSentenceTokens"/> is cut into windows (at a clause
/// mark when one is near the limit), so the work of every later stage stays linear in the text.</item>
/// </list>
/// </summary>
public sealed class SentenceSplitter
{
    private static readonly Lazy<SentenceSplitter> DefaultInstance = new(() => new SentenceSplitter(
        WordLexicon.Load(DataFiles.Path("ar", "abbreviations.tsv")), new SentenceSplitterOptions()));

    private readonly WordLexicon _abbreviations;
    private readonly SentenceSplitterOptions _options;

    public SentenceSplitter(WordLexicon abbreviations, SentenceSplitterOptions options)
    {
        _abbreviations = abbreviations;
        _options = options;
    }

    /// <summary>The splitter over the shipped abbreviation list, with default options.</summary>
    public static SentenceSplitter Default => DefaultInstance.Value;

    /// <summary>Tokenizes and splits a text.</summary>
    public IReadOnlyList<Sentence> Split(string text) => Split(text, ArabicTokenizer.Tokenize(text));

    /// <summary>Splits a text whose tokens are known; each sentence spans from its first token to its last.</summary>
    public IReadOnlyList<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>(tokens.Count / 20 + 1);
        var start = -1;
        var quotes = new QuoteState();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (start >= 0 && HasLineBreak(text, tokens[i - 1].Span.End, t.Span.Start))
            {
                AddBounded(sentences, text, tokens, start, i - 1);
                start = -1;
                quotes = new QuoteState();
            }

            if (start < 0)
            {
                start = i;
            }

            if (t.Kind != TokenKind.Punctuation)
            {
                continue;
            }

            var c = text[t.Span.Start];
            if (!IsEndMark(c))
            {
                quotes.Update(c);
                continue;
            }

            if (!EndsSentence(text, tokens, i, start))
            {
                continue;
            }

            // Take closing quotes, brackets and further end marks that follow on the same line.
            var end = i;
            while (end + 1 < tokens.Count)
            {
                var next = tokens[end + 1];
                if (next.Kind != TokenKind.Punctuation || HasLineBreak(text, tokens[end].Span.End, next.Span.Start))
                {
                    break;
                }

                var n = text[next.Span.Start];
                if (IsEndMark(n) || quotes.Closes(n) || n is ')' or ']' or '}')
                {
                    quotes.Update(n);
                    end++;
                    continue;
                }

                break;
            }

            if (quotes.Open)
            {
                // The end mark sits inside a quotation that goes on: not the end of the sentence.
                i = end;
                continue;
            }

            AddBounded(sentences, text, tokens, start, end);
            start = -1;
            i = end;
        }

        if (start >= 0)
        {
            AddBounded(sentences, text, tokens, start, tokens.Count - 1);
        }

        return sentences;
    }

    private bool IsEndMark(char c) =>
        c is '.' or '!' or '?' or '؟' or '…' or '۔' || (_options.SemicolonEndsSentence && c is '؛' or ';');

    private bool EndsSentence(string text, IReadOnlyList<Token> tokens, int i, int start)
    {
        var t = tokens[i];
        var c = text[t.Span.Start];
        var next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;
        var sameLineNext = next is { } nx && !HasLineBreak(text, t.Span.End, nx.Span.Start) ? next : null;
        if (c == '…' || (c == '.' && t.Span.Length > 1))
        {
            // An ellipsis inside a clause: "قال ... ، ثم" or "(...)".
            return sameLineNext is not { Kind: TokenKind.Punctuation } sn || !(text[sn.Span.Start] is '،' or ',' or ':' or ')' or ']' or '»' or '”' or '-');
        }

        if (c != '.')
        {
            return true;
        }

        if (i > start)
        {
            var prev = tokens[i - 1];
            var glued = prev.Span.End == t.Span.Start;
            if (glued && prev.Kind is TokenKind.Word or TokenKind.Latin && IsAbbreviation(text, prev))
            {
                return false;
            }

            // "1. " at the start of a line numbers a list item.
            if (glued && prev.Kind == TokenKind.Number && i - 1 == start)
            {
                return false;
            }
        }

        // A dot glued to a Latin word or a number goes on: bbc.com, v.2.
        return sameLineNext is not { } s || s.Span.Start != t.Span.End || s.Kind is not (TokenKind.Latin or TokenKind.Number);
    }

    private bool IsAbbreviation(string text, Token word)
    {
        var span = word.Span.Slice(text);
        var letters = 0;
        foreach (var ch in span)
        {
            if (char.IsLetter(ch))
            {
                letters++;
            }
        }

        if (letters == 1)
        {
            return true;
        }

        if (span.Length > 8)
        {
            return false;
        }

        Span<char> lower = stackalloc char[span.Length];
        var n = span.ToLowerInvariant(lower);
        return _abbreviations.Contains(lower[..n]);
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the sentence of tokens first..last, cut into windows of at most the longest sentence.</summary>
    private void AddBounded(List<Sentence> sentences, string text, IReadOnlyList<Token> tokens, int first, int last)
    {
        var max = Math.Max(2, _options.MaxSentenceTokens);
        while (last - first + 1 > max)
        {
            var cut = first + max - 1;
            for (var j = cut; j >= first + (max / 2); j--)
            {
                if (tokens[j].Kind == TokenKind.Punctuation && text[tokens[j].Span.Start] is '،' or ',' or '؛' or ';' or ':')
                {
                    cut = j;
                    break;
                }
            }

            sentences.Add(Make(tokens, first, cut));
            first = cut + 1;
        }

        sentences.Add(Make(tokens, first, last));
    }

    private static Sentence Make(IReadOnlyList<Token> tokens, int first, int last) =>
        new(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End));

    /// <summary>
    /// Which quotations are open on the current line: guillemets nest; a curly quotation opens with “ or ” (Arabic
    /// typing mirrors them as often as not) and closes with either; a straight quote toggles.
    /// </summary>
    private struct QuoteState
    {
        private int _guillemets;
        private bool _curly;
        private bool _straight;

        public readonly bool Open => _guillemets > 0 || _curly || _straight;

        public readonly bool Closes(char c) => c switch
        {
            '»' => _guillemets > 0,
            '“' or '”' => _curly,
            '"' => _straight,
            _ => false,
        };

        public void Update(char c)
        {
            switch (c)
            {
                case '«':
                    _guillemets++;
                    break;
                case '»':
                    _guillemets = Math.Max(0, _guillemets - 1);
                    break;
                case '“' or '”':
                    _curly = !_curly;
                    break;
                case '"':
                    _straight = !_straight;
                    break;
            }
        }
    }
}
