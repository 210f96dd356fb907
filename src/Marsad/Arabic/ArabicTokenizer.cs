using System.Globalization;
using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>
/// Splits a text into tokens in one pass over its normalized form (<see cref="ArabicNormalizer.NormalizeWithMap"/>),
/// keeping each token's span in the original text and in the normalized text. Rules:
/// <list type="bullet">
/// <item>a word is a run of Arabic letters; diacritics and tatweel inside or right after it belong to its original span;</item>
/// <item>a number is a run of digits of any script (Arabic-Indic and Persian digits are ASCII once normalized), with
/// the separators , . ٫ ٬ kept inside only when a digit follows them (2,500 / 2.5 / ٢٫٥ / ٢٬٥٠٠);</item>
/// <item>a Latin token is a run of non-Arabic letters and digits that starts with a letter ("CNN", "F16"), with an
/// apostrophe kept between two letters;</item>
/// <item>punctuation is one character a token, except that a run of the same . ! ? ؟ or - is one token ("...", "!!");</item>
/// <item>any other visible character is a symbol (% ٪ # @ $ + =, emoji as one surrogate pair);</item>
/// <item>whitespace and the characters the normalizer drops separate nothing and make no token, so a hyphen between
/// two words ("أرض-أرض") gives word, punctuation, word.</item>
/// </list>
/// </summary>
public static class ArabicTokenizer
{
    private enum CharClass : byte
    {
        Other,
        Space,
        ArabicLetter,
        Letter,
        Digit,
        Mark,
        Punctuation,
        Symbol,
    }

    private static readonly CharClass[] LowTable = BuildLowTable();

    /// <summary>Tokenizes a text: normalizes it, then splits the normalized form.</summary>
    public static Token[] Tokenize(string text) => Tokenize(text, ArabicNormalizer.NormalizeWithMap(text));

    /// <summary>Tokenizes a text whose normalized form (with its offset map) is already built.</summary>
    public static Token[] Tokenize(string text, NormalizedText normalized)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(normalized);
        var norm = normalized.Text;
        var map = normalized.ToOriginal;

        // About one token per six characters in Arabic news; the list grows if needed.
        var tokens = new List<Token>(norm.Length / 6 + 4);
        var i = 0;
        while (i < norm.Length)
        {
            var c = norm[i];
            var cls = Classify(c);
            var start = i;
            TokenKind kind;
            switch (cls)
            {
                case CharClass.Space:
                    i++;
                    continue;
                case CharClass.ArabicLetter:
                    i = ScanArabicWord(norm, i + 1);
                    kind = TokenKind.Word;
                    break;
                case CharClass.Digit:
                    i = ScanNumber(norm, i + 1);
                    kind = TokenKind.Number;
                    break;
                case CharClass.Letter:
                    i = ScanLatinWord(norm, i + 1);
                    kind = TokenKind.Latin;
                    break;
                case CharClass.Punctuation:
                    i++;
                    if (c is '.' or '!' or '?' or '؟' or '-')
                    {
                        while (i < norm.Length && norm[i] == c)
                        {
                            i++;
                        }
                    }

                    kind = TokenKind.Punctuation;
                    break;
                default:
                    i += char.IsHighSurrogate(c) && i + 1 < norm.Length && char.IsLowSurrogate(norm[i + 1]) ? 2 : 1;
                    kind = TokenKind.Symbol;
                    break;
            }

            var origStart = map[start];
            var origEnd = map[i - 1] + 1;
            if (kind is TokenKind.Word or TokenKind.Latin)
            {
                // Marks the normalizer dropped right after the last letter (a final haraka, tatweel) belong to the word.
                var limit = map[i];
                while (origEnd < limit && IsDroppedMark(text[origEnd]))
                {
                    origEnd++;
                }
            }

            tokens.Add(new Token(new TextSpan(origStart, origEnd), new TextSpan(start, i), kind));
        }

        return tokens.ToArray();
    }

    /// <summary>True for an Arabic letter as it appears in normalized text (incl. presentation forms the normalizer keeps).</summary>
    public static bool IsArabicLetter(char c) => Classify(c) == CharClass.ArabicLetter;

    private static int ScanArabicWord(string s, int i)
    {
        while (i < s.Length)
        {
            var cls = Classify(s[i]);
            if (cls is not (CharClass.ArabicLetter or CharClass.Mark))
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static int ScanLatinWord(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            var cls = Classify(c);
            if (cls is CharClass.Letter or CharClass.Digit or CharClass.Mark)
            {
                i++;
                continue;
            }

            // An apostrophe between two letters stays inside the word: O'Brien, don't.
            if (c is '\'' or '’' && i + 1 < s.Length && Classify(s[i + 1]) == CharClass.Letter && Classify(s[i - 1]) == CharClass.Letter)
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    private static int ScanNumber(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (Classify(c) == CharClass.Digit)
            {
                i++;
                continue;
            }

            // A separator stays inside the number only between two digits: "2,500" but "2, 3" and "2." end at the digit.
            if (c is ',' or '.' or '٫' or '٬' && i + 1 < s.Length && Classify(s[i + 1]) == CharClass.Digit)
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool IsDroppedMark(char c) =>
        c == 'ـ' || (ArabicNormalizer.IsIgnorable(c) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    private static CharClass Classify(char c) => c < LowTable.Length ? LowTable[c] : ClassifySlow(c);

    private static CharClass[] BuildLowTable()
    {
        // Latin, Greek, Cyrillic, Hebrew and the Arabic block are classified once; the rest on demand.
        var table = new CharClass[0x0800];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = ClassifySlow((char)c);
        }

        return table;
    }

    private static CharClass ClassifySlow(char c)
    {
        if (c is >= '\u0621' and <= '\u063F' or >= '\u0641' and <= '\u064A' or >= '\u066E' and <= '\u066F'
            or >= '\u0671' and <= '\u06D3' or '\u06D5' or >= '\u06E5' and <= '\u06E6' or >= '\u06EE' and <= '\u06EF'
            or >= '\u06FA' and <= '\u06FC' or '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08C9'
            or >= '\uFB50' and <= '\uFD3D' or >= '\uFD50' and <= '\uFDFB' or >= '\uFE70' and <= '\uFEFC')
        {
            return CharClass.ArabicLetter;
        }

        if (char.IsWhiteSpace(c))
        {
            return CharClass.Space;
        }

        // Unicode files these under punctuation, but in a text they stand for words (percent, number, at).
        if (c is '%' or '٪' or '‰' or '‱' or '#' or '&' or '@' or '*' or '؉' or '؊')
        {
            return CharClass.Symbol;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.Digit;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                return CharClass.Letter;
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                return CharClass.Mark;
            case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation:
                return CharClass.Punctuation;
            case UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol:
                return CharClass.Symbol;
            case UnicodeCategory.Control or UnicodeCategory.Format:
                return CharClass.Space;
            default:
                return CharClass.Other;
        }
    }
}
