namespace Marsad.Ingest.Cleaning;

/// <summary>
/// The shape of one page line, the evidence the cleaner weighs besides its lexicons:
/// <list type="bullet">
/// <item><see cref="Words"/>: whitespace-separated tokens that hold a letter or a digit;</item>
/// <item><see cref="EndsSentence"/>: the last character, past closing quotes and brackets, is . ! ? ؟ … or :;</item>
/// <item><see cref="LatinShare"/>: the share of Latin letters among all letters;</item>
/// <item><see cref="HasUrl"/>: the line holds a web address (http, www., a .com/.net/.org host).</item>
/// </list>
/// </summary>
public readonly record struct LineShape(int Words, int Letters, int LatinLetters, int Digits, bool EndsSentence, bool HasUrl)
{
    public double LatinShare => Letters == 0 ? 0 : (double)LatinLetters / Letters;

    /// <summary>True when the line has neither a letter nor a digit (a rule, a bullet, a lone symbol).</summary>
    public bool IsSymbolsOnly => Letters == 0 && Digits == 0;

    public static LineShape Of(ReadOnlySpan<char> line)
    {
        int words = 0, letters = 0, latin = 0, digits = 0;
        var inWord = false;
        var wordHasContent = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && wordHasContent)
                {
                    words++;
                }

                inWord = false;
                wordHasContent = false;
                continue;
            }

            inWord = true;
            if (char.IsLetter(c))
            {
                letters++;
                wordHasContent = true;
                if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F')
                {
                    latin++;
                }
            }
            else if (char.IsDigit(c))
            {
                digits++;
                wordHasContent = true;
            }
        }

        if (inWord && wordHasContent)
        {
            words++;
        }

        return new LineShape(words, letters, latin, digits, EndsWithSentencePunctuation(line), HasWebAddress(line));
    }

    /// <summary>True when the text, past trailing closing quotes and brackets, ends with sentence punctuation.</summary>
    public static bool EndsWithSentencePunctuation(ReadOnlySpan<char> line)
    {
        var s = line.TrimEnd();
        while (!s.IsEmpty && s[^1] is '"' or '”' or '“' or '»' or '\'' or ')' or ']' or '’')
        {
            s = s[..^1].TrimEnd();
        }

        return !s.IsEmpty && s[^1] is '.' or '!' or '?' or '؟' or '…' or ':' or '。';
    }

    private static bool HasWebAddress(ReadOnlySpan<char> line) =>
        line.Contains("http", StringComparison.OrdinalIgnoreCase)
        || line.Contains("www.", StringComparison.OrdinalIgnoreCase)
        || line.Contains(".com", StringComparison.OrdinalIgnoreCase)
        || line.Contains(".net", StringComparison.OrdinalIgnoreCase)
        || line.Contains(".org", StringComparison.OrdinalIgnoreCase);
}
