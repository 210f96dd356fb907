using System.Text;
using Marsad.Arabic;

namespace Marsad.Extract.Places;

/// <summary>
/// The lookup key of a name: the words of its normalized form joined by one space. Rules:
/// <list type="bullet">
/// <item>characters go through <see cref="ArabicNormalizer.Map"/> (hamza forms, ta marbuta, alef maqsura, diacritics);</item>
/// <item>a word is a run of letters or digits; punctuation, quotes and dashes only separate words;</item>
/// <item>Latin letters are lower-cased (EURONEWS = Euronews);</item>
/// <item>the kunya "أبو" keeps one form whatever its case ending (أبي/أبا مهدي = أبو مهدي).</item>
/// </list>
/// </summary>
public static class NameKey
{
    /// <summary>The key of a name or phrase; empty when it holds no word.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var word = new StringBuilder();
        foreach (var c in text)
        {
            var m = Fold(c);
            if (m == '\0')
            {
                continue;
            }

            if (char.IsLetterOrDigit(m))
            {
                word.Append(m);
                continue;
            }

            Flush(sb, word);
        }

        Flush(sb, word);
        return sb.ToString();
    }

    /// <summary>The words of a key.</summary>
    public static string[] Words(string key) => key.Length == 0 ? [] : key.Split(' ');

    /// <summary>The matching form of one character: the normalizer's, with Latin lower-cased; '\0' when dropped.</summary>
    public static char Fold(char c)
    {
        var m = ArabicNormalizer.Map(c);
        return m is >= 'A' and <= 'Z' ? (char)(m + 32) : m;
    }

    /// <summary>The canonical form of a word that has case variants (the kunya), or the word itself.</summary>
    public static ReadOnlySpan<char> CanonicalWord(ReadOnlySpan<char> word) =>
        word.SequenceEqual("ابي") || word.SequenceEqual("ابا") ? "ابو" : word;

    private static void Flush(StringBuilder sb, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        var w = word.ToString();
        sb.Append(CanonicalWord(w));
        word.Clear();
    }
}
