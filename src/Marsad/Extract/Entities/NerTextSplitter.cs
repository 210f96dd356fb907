using System.Globalization;
using Marsad.Arabic;

namespace Marsad.Extract.Entities;

/// <summary>
/// Splits running text into the word tokens the cluster builder counts, close to ANERcorp's tokenization. Rules:
/// <list type="bullet">
/// <item>a token is a run of letters, combining marks and digits (Arabic, Latin or other scripts);</item>
/// <item>every other visible character (punctuation, symbols) is a token of its own; white space separates;</item>
/// <item>tokens are returned in their normalized form (<see cref="ArabicNormalizer"/>), Latin letters lower-cased.</item>
/// </list>
/// </summary>
public static class NerTextSplitter
{
    /// <summary>Appends the normalized tokens of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, List<string> output)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || ArabicNormalizer.IsIgnorable(c))
            {
                i++;
                continue;
            }

            if (!IsWordChar(c))
            {
                output.Add(ArabicNormalizer.Normalize(text.Slice(i, 1)));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || ArabicNormalizer.IsIgnorable(text[i])))
            {
                i++;
            }

            var word = ArabicNormalizer.Normalize(text[start..i]);
            if (word.Length > 0)
            {
                output.Add(LowerLatin(word));
            }
        }
    }

    /// <summary>Lower-cases ASCII letters only; Arabic has no case.</summary>
    public static string LowerLatin(string word)
    {
        foreach (var c in word)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return word.ToLowerInvariant();
            }
        }

        return word;
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
