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
            foreach (var c in text)
            {
                var m = ArabicNormalizer.Map(c);
                if (m == '\0')
                {
                    continue;
                }

                if (char.IsLetter(m))
                {
                    if (pendingSpace && n > 0)
                    {
                        buffer[n++] = ' ';
                    }

                    pendingSpace = false;
                    buffer[n++] = char.ToLowerInvariant(m);
                }
                else
                {
                    pendingSpace = true;
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
