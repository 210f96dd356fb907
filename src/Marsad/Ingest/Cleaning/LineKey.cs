using System.Buffers;
using Marsad.Arabic;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// The matching key of a page line, the form every boilerplate lexicon is written in. Rules:
/// <list type="bullet">
/// <item>characters are normalized with <see cref="ArabicNormalizer.Map"/> (hamza seats, ya, ta marbuta, diacritics dropped);</item>
/// <item>Latin letters are lowercased;</item>
/// <item>only letters are kept: digits, punctuation and symbols separate words ("التعليقات (3)" → "التعليقات");</item>
/// <item>words are joined by one space, with no space at either end.</item>
/// </list>
/// </summary>
public static class LineKey
{
    /// <summary>In <see cref="Table"/>: the character separates words (it is no letter once normalized).</summary>
    private const char Separator = '\uFFFF';

    /// <summary>
    /// Every UTF-16 unit's part in a key, worked out once: the letter it becomes (normalized, lowercased), '\0' when
    /// normalization drops it, <see cref="Separator"/> otherwise. Every page line of every input is keyed, some twice;
    /// a look-up is several times cheaper than normalizing, classifying and lowercasing each character again.
    /// </summary>
    private static readonly char[] Table = BuildTable();

    public static string Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        char[]? rented = null;
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var n = 0;
            var pendingSpace = false;
            var table = Table;
            foreach (var c in text)
            {
                var m = table[c];
                if (m == Separator)
                {
                    pendingSpace = true;
                }
                else if (m != '\0')
                {
                    if (pendingSpace && n > 0)
                    {
                        buffer[n++] = ' ';
                    }

                    pendingSpace = false;
                    buffer[n++] = m;
                }
            }

            return new string(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var m = ArabicNormalizer.Map((char)c);
            table[c] = m == '\0' ? '\0' : char.IsLetter(m) ? char.ToLowerInvariant(m) : Separator;
        }

        return table;
    }

    /// <summary>The number of words of a key.</summary>
    public static int WordCount(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return 0;
        }

        return key.Count(' ') + 1;
    }
}
