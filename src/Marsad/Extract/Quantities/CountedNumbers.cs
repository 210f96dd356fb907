using Marsad.Corpus;
using Marsad.Model;

namespace Marsad.Extract.Quantities;

/// <summary>
/// Where a unit noun may follow each number of the numbers layer: the token right after the number's last token, or
/// the one after that when it is من ("3 من الجنود"). A year-like number written alone (19xx, 20xx) is a year, not a
/// count, and is skipped. Callers check the unit against their own lexicon.
/// </summary>
internal static class CountedNumbers
{
    /// <summary>Each counted number with the index of its first token and of its unit candidate (possibly past the end).</summary>
    public static IEnumerable<(NumberMention Number, int First, int Unit)> Candidates(IReadOnlyList<NumberMention> numbers, IReadOnlyList<Token> tokens, TokenView words)
    {
        var t = 0;
        foreach (var number in numbers)
        {
            if (!number.IsWords && number.Value is >= 1900 and <= 2100 && number.Value == decimal.Truncate(number.Value))
            {
                continue;
            }

            while (t < tokens.Count && tokens[t].Span.End <= number.Span.Start)
            {
                t++;
            }

            var last = t;
            while (last + 1 < tokens.Count && tokens[last + 1].Span.End <= number.Span.End)
            {
                last++;
            }

            var u = last + 1;
            if (u < tokens.Count && words.Stem(u).SequenceEqual("من"))
            {
                u++;
            }

            yield return (number, t, u);
        }
    }
}
