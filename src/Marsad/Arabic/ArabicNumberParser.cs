using System.Globalization;
using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>
/// Finds numbers in a tokenized text and gives their values. Rules:
/// <list type="bullet">
/// <item>digits of any script, with , . ٫ ٬ separators: one kind of separator repeated with groups of three digits is a
/// thousands separator (2,500 / ٢٬٥٠٠ / 1.000.000); a single . , or ٫ otherwise marks decimals (2.5 / ٢٫٥); with two
/// kinds the last is the decimal mark; anything else (12.5.2024) is not a number;</item>
/// <item>number words of <c>data/ar/number-words.tsv</c> combine the Arabic way: units before tens joined by و
/// (خمسة وعشرون), a unit before عشر for teens (خمسة عشر), a unit times مئة (ثلاث مئة), a group times a scale (ثلاثة آلاف،
/// مئة ألف), larger groups first and joined by و (ألفين وخمسمائة);</item>
/// <item>digits followed by a scale word are multiplied (2.5 مليون، 3 آلاف);</item>
/// <item>the first number word may carry proclitics (وثلاثة، بثلاث، وبخمسة); the following ones only the conjunction و;
/// number words with the article (الثلاثة، الاثنين) are not quantities, except a plural scale after a vague word
/// (عشرات الآلاف);</item>
/// <item>vague words (عشرات، مئات، بضعة، عدة) and a plural scale alone (آلاف، ملايين) give an approximate value;</item>
/// <item>an approximator of <c>data/ar/approximators.tsv</c> right before the number (نحو، أكثر من، ما لا يقل عن; with a
/// proclitic: بنحو) or right after it (تقريبا) makes it approximate, and the mention's span covers it; after the counted
/// noun ("30 شخصا تقريبا") it makes the number approximate without joining its span.</item>
/// </list>
/// <see cref="NumberMention.IsWords"/> is true when any part of the value was written in words.
/// </summary>
public sealed class ArabicNumberParser
{
    // At most this many proclitic letters before a first number word (وب in وبثلاثة), and the stem must keep 3 letters.
    private const int MaxProcliticLetters = 2;
    private static string ProcliticLetters => ProcliticTable.Default.Letters;

    private static readonly Lazy<ArabicNumberParser> DefaultInstance = new(() => new ArabicNumberParser(
        LoadNumberWords(DataFiles.Path("ar", "number-words.tsv")),
        LoadApproximators(DataFiles.Path("ar", "approximators.tsv"))));

    private readonly Dictionary<string, NumberWord> _words;
    private readonly Dictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Approximator[] _before;
    private readonly Approximator[] _after;

    public ArabicNumberParser(IReadOnlyDictionary<string, NumberWord> words, IEnumerable<Approximator> approximators)
    {
        _words = new Dictionary<string, NumberWord>(words, StringComparer.Ordinal);
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        var all = approximators.OrderByDescending(a => a.Words.Count).ToArray();
        _before = all.Where(a => a.Position.HasFlag(ApproximatorPosition.Before)).ToArray();
        _after = all.Where(a => a.Position.HasFlag(ApproximatorPosition.After)).ToArray();
    }

    /// <summary>The parser over the shipped data files, loaded once.</summary>
    public static ArabicNumberParser Default => DefaultInstance.Value;

    /// <summary>Reads <c>number-words.tsv</c> rows: form, value, kind.</summary>
    public static IReadOnlyDictionary<string, NumberWord> LoadNumberWords(string path)
    {
        var result = new Dictionary<string, NumberWord>(StringComparer.Ordinal);
        foreach (var f in TsvLexicon.ReadRows(path))
        {
            if (f.Length < 3 || !decimal.TryParse(f[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                || !Enum.TryParse<NumberWordKind>(f[2], ignoreCase: true, out var kind))
            {
                throw new FormatException(
                    $"{path}: a number word row needs form, value and kind ({string.Join(", ", Enum.GetNames<NumberWordKind>())}), got '{string.Join('\t', f)}'");
            }

            result[f[0]] = new NumberWord(value, kind);
        }

        return result;
    }

    /// <summary>Reads <c>approximators.tsv</c> rows: phrase (words separated by spaces), position (before|after|both).</summary>
    public static IReadOnlyList<Approximator> LoadApproximators(string path) =>
        TsvLexicon.ReadRows(path).Select(f =>
        {
            if (f.Length < 2 || !Enum.TryParse<ApproximatorPosition>(f[1], ignoreCase: true, out var position))
            {
                throw new FormatException($"{path}: an approximator row needs a phrase and a position (before, after, both), got '{string.Join('\t', f)}'");
            }

            return new Approximator(f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), position);
        }).ToArray();

    /// <summary>Tokenizes a text and finds its numbers.</summary>
    public IReadOnlyList<NumberMention> Parse(string text)
    {
        var normalized = ArabicNormalizer.NormalizeWithMap(text);
        return Parse(text, normalized, ArabicTokenizer.Tokenize(text, normalized));
    }

    /// <summary>Finds the numbers of a tokenized text; spans are in the original text.</summary>
    public IReadOnlyList<NumberMention> Parse(string text, NormalizedText normalized, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(tokens);
        var norm = normalized.Text;
        var mentions = new List<NumberMention>();
        var floor = 0;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!TryReadNumberInRange(norm, tokens, i, out var last, out var value, out var isWords, out var approx))
            {
                i++;
                continue;
            }

            var first = i;
            if (MatchBefore(norm, tokens, i, floor) is var before and >= 0)
            {
                first = before;
                approx = true;
            }

            if (MatchAfter(norm, tokens, last) is var after and >= 0)
            {
                last = after;
                approx = true;
            }
            else if (last + 1 < tokens.Count && tokens[last + 1].Kind == TokenKind.Word && MatchAfter(norm, tokens, last + 1) >= 0)
            {
                // "30 شخصا تقريبا": the approximator follows the counted noun; the span stays on the number.
                approx = true;
            }

            mentions.Add(new NumberMention(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End), value, approx, isWords));
            floor = last + 1;
            i = last + 1;
        }

        return mentions;
    }

    /// <summary>
    /// Parses a number written in digits (any script) with , . ٫ ٬ separators; false when the grouping makes no sense
    /// (12.5.2024) or the value does not fit a decimal.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        // Find the decimal mark: the single separator of its kind that is last, unless it is a thousands grouping.
        var lastSep = -1;
        var kinds = 0;
        char prevKind = '\0';
        var countLast = 0;
        for (var k = 0; k < s.Length; k++)
        {
            if (IsSeparator(s[k]))
            {
                if (s[k] != prevKind)
                {
                    kinds++;
                    prevKind = s[k];
                    countLast = 0;
                }

                countLast++;
                lastSep = k;
            }
            else if (CharUnicodeInfo.GetDecimalDigitValue(s[k]) < 0)
            {
                return false;
            }
        }

        var decimalAt = -1;
        if (lastSep >= 0)
        {
            var sep = s[lastSep];
            var groupOfThree = s.Length - lastSep - 1 == 3;
            if (kinds > 2)
            {
                return false;
            }

            if (kinds == 2)
            {
                if (countLast != 1)
                {
                    return false;
                }

                decimalAt = lastSep;
            }
            else if (sep == '٬' || (countLast > 1 && sep != '٫'))
            {
                decimalAt = -1;
            }
            else if (sep == ',' && groupOfThree)
            {
                decimalAt = -1;
            }
            else if (countLast == 1)
            {
                decimalAt = lastSep;
            }
            else
            {
                return false;
            }
        }

        // Every thousands group between separators has exactly three digits.
        var groupLen = -1;
        var end = decimalAt >= 0 ? decimalAt : s.Length;
        for (var k = 0; k < end; k++)
        {
            if (IsSeparator(s[k]))
            {
                if (groupLen == 0 || (groupLen > 0 && groupLen != 3) || k == 0)
                {
                    return false;
                }

                groupLen = 0;
            }
            else if (groupLen >= 0)
            {
                groupLen++;
            }
        }

        if (groupLen >= 0 && groupLen != 3)
        {
            return false;
        }

        decimal result = 0;
        decimal scale = 0;
        var digits = 0;
        for (var k = 0; k < s.Length; k++)
        {
            if (k == decimalAt)
            {
                scale = 1;
                continue;
            }

            var d = CharUnicodeInfo.GetDecimalDigitValue(s[k]);
            if (d < 0)
            {
                continue;
            }

            if (++digits > 27)
            {
                return false;
            }

            result = result * 10 + d;
            if (scale > 0)
            {
                scale *= 10;
            }
        }

        value = scale > 0 ? result / scale : result;
        return true;
    }

    private static bool IsSeparator(char c) => c is ',' or '.' or '٫' or '٬';

    /// <summary>
    /// A number too large for a decimal (a run of thousands of digits, scales multiplied past 10^28) is no quantity
    /// a news text states: it is read as no number rather than failing the document.
    /// </summary>
    private bool TryReadNumberInRange(string norm, IReadOnlyList<Token> tokens, int i, out int last, out decimal value, out bool isWords, out bool approx)
    {
        try
        {
            return TryReadNumber(norm, tokens, i, out last, out value, out isWords, out approx);
        }
        catch (OverflowException)
        {
            (last, value, isWords, approx) = (i, 0, false, false);
            return false;
        }
    }

    private bool TryReadNumber(string norm, IReadOnlyList<Token> tokens, int i, out int last, out decimal value, out bool isWords, out bool approx)
    {
        last = i;
        value = 0;
        isWords = false;
        approx = false;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (!TryParseDigits(t.Norm.Slice(norm), out value))
            {
                return false;
            }

            // "2.5 مليون", "3 آلاف": a scale word right after the digits multiplies them.
            if (i + 1 < tokens.Count && Lookup(norm, tokens[i + 1], ProcliticMode.None, out var w, out _)
                && w.Kind is NumberWordKind.Scale or NumberWordKind.Plural)
            {
                value *= w.Value;
                isWords = true;
                last = i + 1;
            }

            return true;
        }

        if (t.Kind != TokenKind.Word || !Lookup(norm, t, ProcliticMode.Any, out var firstWord, out _))
        {
            return false;
        }

        var state = new Composition();
        var j = i;
        var word = firstWord;
        var conj = false;
        while (true)
        {
            var consumed = state.Add(word, conj, j == i, PeekKind(norm, tokens, j + 1));
            if (consumed == 0)
            {
                break;
            }

            j += consumed;
            last = j - 1;
            if (j >= tokens.Count || tokens[j].Kind != TokenKind.Word)
            {
                break;
            }

            var mode = state.LastKind == NumberWordKind.Vague ? ProcliticMode.ConjunctionOrArticle : ProcliticMode.Conjunction;
            if (!Lookup(norm, tokens[j], mode, out word, out conj))
            {
                break;
            }
        }

        if (last < i || !state.Complete)
        {
            return false;
        }

        value = state.Value;
        approx = state.Approx;
        isWords = true;
        return true;
    }

    private NumberWordKind? PeekKind(string norm, IReadOnlyList<Token> tokens, int j) =>
        j < tokens.Count && tokens[j].Kind == TokenKind.Word && Lookup(norm, tokens[j], ProcliticMode.None, out var w, out _) ? w.Kind : null;

    private enum ProcliticMode
    {
        None,
        Conjunction,
        ConjunctionOrArticle,
        Any,
    }

    private bool Lookup(string norm, Token token, ProcliticMode mode, out NumberWord word, out bool conjunction)
    {
        conjunction = false;
        word = default;
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var form = token.Norm.Slice(norm);
        if (_wordLookup.TryGetValue(form, out word))
        {
            return true;
        }

        switch (mode)
        {
            case ProcliticMode.Conjunction or ProcliticMode.ConjunctionOrArticle:
                if (form.Length >= 4 && form[0] == 'و' && _wordLookup.TryGetValue(form[1..], out word))
                {
                    conjunction = true;
                    return true;
                }

                if (mode == ProcliticMode.ConjunctionOrArticle && form.Length >= 5 && form.StartsWith("ال", StringComparison.Ordinal)
                    && _wordLookup.TryGetValue(form[2..], out word) && word.Kind == NumberWordKind.Plural)
                {
                    return true;
                }

                return false;
            case ProcliticMode.Any:
                for (var p = 1; p <= MaxProcliticLetters && form.Length - p >= 3; p++)
                {
                    if (!ProcliticLetters.Contains(form[p - 1]))
                    {
                        break;
                    }

                    if (_wordLookup.TryGetValue(form[p..], out word))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private int MatchBefore(string norm, IReadOnlyList<Token> tokens, int first, int floor)
    {
        foreach (var a in _before)
        {
            var n = a.Words.Count;
            var start = first - n;
            if (start < floor)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < n && ok; k++)
            {
                var t = tokens[start + k];
                if (t.Kind != TokenKind.Word)
                {
                    ok = false;
                    break;
                }

                var form = t.Norm.Slice(norm);
                var expected = a.Words[k].AsSpan();
                ok = form.SequenceEqual(expected) || (k == 0 && HasProcliticsBefore(form, expected));
            }

            if (ok)
            {
                return start;
            }
        }

        return -1;
    }

    private int MatchAfter(string norm, IReadOnlyList<Token> tokens, int last)
    {
        foreach (var a in _after)
        {
            var n = a.Words.Count;
            if (last + n >= tokens.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < n && ok; k++)
            {
                var t = tokens[last + 1 + k];
                ok = t.Kind == TokenKind.Word && t.Norm.Slice(norm).SequenceEqual(a.Words[k]);
            }

            if (ok)
            {
                return last + n;
            }
        }

        return -1;
    }

    /// <summary>True for "بنحو" against "نحو": the word is the phrase's first word behind one or two proclitic letters.</summary>
    private static bool HasProcliticsBefore(ReadOnlySpan<char> form, ReadOnlySpan<char> expected)
    {
        var p = form.Length - expected.Length;
        if (p is < 1 or > MaxProcliticLetters || !form.EndsWith(expected))
        {
            return false;
        }

        foreach (var c in form[..p])
        {
            if (!ProcliticLetters.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The running value of a number written in words, built one word at a time.</summary>
    private struct Composition
    {
        private decimal _total;
        private decimal _current;
        private decimal _lastScale;
        private bool _pendingFraction;
        private bool _started;

        public NumberWordKind LastKind { get; private set; }

        public bool Approx { get; private set; }

        public readonly decimal Value => _total + _current;

        public readonly bool Complete => _started && !_pendingFraction;

        /// <summary>Adds a word; returns how many tokens it used (2 for a teen unit with its عشر), 0 when it does not fit.</summary>
        public int Add(NumberWord w, bool conj, bool first, NumberWordKind? next)
        {
            if (_pendingFraction && w.Kind is not (NumberWordKind.Scale or NumberWordKind.Plural))
            {
                return 0;
            }

            var used = 1;
            var units = _current % 100;
            switch (w.Kind)
            {
                case NumberWordKind.Unit:
                case NumberWordKind.Ten when first || conj:
                    if (first)
                    {
                        _current = w.Value;
                    }
                    else if (conj && units == 0)
                    {
                        _current += w.Value;
                    }
                    else
                    {
                        return 0;
                    }

                    break;
                case NumberWordKind.Ten:
                    // خمسة عشر: a unit then عشر without و.
                    if (LastKind != NumberWordKind.Unit || units is < 1 or > 9)
                    {
                        return 0;
                    }

                    _current += 10;
                    break;
                case NumberWordKind.TeenUnit:
                    if (next != NumberWordKind.Ten || !(first || (conj && units == 0)))
                    {
                        return 0;
                    }

                    _current += w.Value + 10;
                    used = 2;
                    break;
                case NumberWordKind.Tens:
                    if (first)
                    {
                        _current = w.Value;
                    }
                    else if (conj && units < 10)
                    {
                        _current += w.Value;
                    }
                    else
                    {
                        return 0;
                    }

                    break;
                case NumberWordKind.Hundred:
                    if (first)
                    {
                        _current = w.Value;
                    }
                    else if (!conj && LastKind == NumberWordKind.Unit && _current is >= 1 and <= 9)
                    {
                        _current *= 100;
                    }
                    else if (conj && _current == 0)
                    {
                        _current = w.Value;
                    }
                    else
                    {
                        return 0;
                    }

                    break;
                case NumberWordKind.Hundreds:
                    if (first || (conj && _current == 0))
                    {
                        _current = w.Value;
                    }
                    else
                    {
                        return 0;
                    }

                    break;
                case NumberWordKind.Scale:
                    if (!first && (_lastScale != 0 && w.Value >= _lastScale))
                    {
                        return 0;
                    }

                    if (!first && !conj && _current == 0)
                    {
                        return 0;
                    }

                    _total += (_current == 0 ? 1 : _current) * w.Value;
                    _current = 0;
                    _lastScale = w.Value;
                    _pendingFraction = false;
                    break;
                case NumberWordKind.Dual:
                    if (!(first || (conj && _current == 0)) || (_lastScale != 0 && w.Value >= _lastScale))
                    {
                        return 0;
                    }

                    _total += 2 * w.Value;
                    _lastScale = w.Value;
                    break;
                case NumberWordKind.Plural:
                    if (first)
                    {
                        // آلاف alone: "thousands".
                        _total += w.Value;
                        Approx = true;
                    }
                    else if (!conj && (LastKind == NumberWordKind.Vague || _pendingFraction || _current is >= 3 and <= 10))
                    {
                        _total += _current * w.Value;
                        _current = 0;
                        _pendingFraction = false;
                    }
                    else
                    {
                        return 0;
                    }

                    _lastScale = w.Value;
                    break;
                case NumberWordKind.Vague:
                    if (!first)
                    {
                        return 0;
                    }

                    _current = w.Value;
                    Approx = true;
                    break;
                case NumberWordKind.Fraction:
                    if (!first || next is not (NumberWordKind.Scale or NumberWordKind.Plural))
                    {
                        return 0;
                    }

                    _current = w.Value;
                    _pendingFraction = true;
                    break;
                default:
                    return 0;
            }

            _started = true;
            LastKind = w.Kind;
            return used;
        }
    }
}
