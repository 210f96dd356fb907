using System.Buffers;
using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>
/// Builds the matching form of Arabic text; the display text is never changed. Rules:
/// <list type="bullet">
/// <item>harakat (U+064B–U+065F), superscript alef (U+0670), Quranic marks and tatweel (U+0640) are removed;</item>
/// <item>alef forms أ إ آ ٱ become bare alef ا;</item>
/// <item>hamza on waw ؤ becomes و, hamza on ya ئ becomes ي;</item>
/// <item>alef maqsura ى becomes ي, ta marbuta ة becomes ه;</item>
/// <item>Persian/Urdu letter forms ک ی ہ become their Arabic counterparts;</item>
/// <item>Arabic-Indic and Persian digits become ASCII digits;</item>
/// <item>zero-width and bidi control characters are removed; Arabic presentation forms are folded (NFKC).</item>
/// </list>
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Normalizes a word or phrase for lexicon lookups.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        char[]? rented = null;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var n = 0;
            var changed = false;
            foreach (var c in text)
            {
                var m = Map(c);
                if (m != c)
                {
                    changed = true;
                }

                if (m != '\0')
                {
                    buffer[n++] = m;
                }
            }

            if (!changed)
            {
                return text.ToString();
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

    /// <summary>Normalizes a whole text and keeps, for every normalized character, its offset in the original.</summary>
    public static NormalizedText NormalizeWithMap(string text)
    {
        var chars = new char[text.Length];
        var map = new int[text.Length + 1];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var m = Map(text[i]);
            if (m == '\0')
            {
                continue;
            }

            chars[n] = m;
            map[n] = i;
            n++;
        }

        map[n] = text.Length;

        // Most texts lose few characters; the map is copied only when some were dropped.
        return new NormalizedText(new string(chars, 0, n), n == text.Length ? map : map.AsSpan(0, n + 1).ToArray());
    }

    /// <summary>True for characters the normalizer drops (diacritics, tatweel, invisible controls).</summary>
    public static bool IsIgnorable(char c) => Map(c) == '\0';

    /// <summary>The matching form of one character, or '\0' when it is dropped.</summary>
    public static char Map(char c)
    {
        if (c < 0x0600)
        {
            return c;
        }

        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ' or '\u0672' or '\u0673':
                return 'ا';
            case 'ؤ':
                return 'و';
            case 'ئ' or 'ى' or 'ی' or 'ې' or 'ۍ':
                return 'ي';
            case 'ة' or 'ہ' or 'ھ' or 'ە' or 'ۀ':
                return 'ه';
            case 'ک':
                return 'ك';
            case 'ـ':
                return '\0';
        }

        if (c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' and not '\u06E5' and not '\u06E6')
        {
            return '\0';
        }

        if (c is >= '٠' and <= '٩')
        {
            return (char)('0' + (c - '٠'));
        }

        if (c is >= '۰' and <= '۹')
        {
            return (char)('0' + (c - '۰'));
        }

        if (c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\uFEFF')
        {
            return '\0';
        }

        if (c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC')
        {
            // Presentation forms: fold to the base letter, then normalize that.
            var folded = c.ToString().Normalize(System.Text.NormalizationForm.FormKC);
            return folded.Length == 1 && folded[0] != c ? Map(folded[0]) : c;
        }

        return c;
    }
}
