using Marsad.Arabic;
using Marsad.Corpus;
using Marsad.Extract.Events;
using Marsad.Model;

namespace Marsad.Extract.Quantities;

/// <summary>
/// Finds counted quantities: a number of the numbers layer followed by a unit noun of
/// <c>data/ar/quantities/units.tsv</c>, directly or after من ("2500 جندي", "أكثر من 150 ضربة", "3 من الجنود"), or a
/// casualty noun followed by the number ("إصابة نحو 110 جندياً" counts the injured). A year-like number written alone
/// (19xx, 20xx) is a year, not a count. The value and <c>approx</c> come from the number (نحو، أكثر من، زهاء…). An
/// indefinite singular marked "one" in the table counts one by itself when no number stands before it ("اعترضت صاروخا").
/// </summary>
public sealed class QuantityExtractor(WordTable<string> units, WordTable<string>? ones = null)
{
    private static readonly Lazy<QuantityExtractor> DefaultInstance = new(() =>
    {
        var rows = TsvLexicon.ReadData("ar", "quantities", "units.tsv").Where(r => r.Length >= 2).ToList();
        return new QuantityExtractor(new WordTable<string>(rows.Select(r => KeyValuePair.Create(r[0], r[1]))),
            new WordTable<string>(rows.Where(r => r.Length >= 3 && r[2] == "one").Select(r => KeyValuePair.Create(r[0], r[1]))));
    });

    public static QuantityExtractor Default => DefaultInstance.Value;

    public IReadOnlyList<QuantityMention> Extract(Document document)
    {
        if (!document.TryGet(Layers.Normalized, out var normalized) || !document.TryGet(Layers.Tokens, out var tokens))
        {
            return [];
        }

        var numbers = document.Get(Layers.Numbers);
        var words = new TokenView(normalized.Text, tokens, document.Get(Layers.Segments));
        var found = new List<QuantityMention>();
        var counted = new HashSet<int>();
        foreach (var (number, t, u) in CountedNumbers.Candidates(numbers, tokens, words))
        {
            counted.Add(u);
            if (u < tokens.Count && tokens[u].Kind == TokenKind.Word && units.TryGet(words.Stem(u), out var unit))
            {
                found.Add(new QuantityMention(new TextSpan(number.Span.Start, tokens[u].Span.End), number.Value, number.Approx, unit));
                continue;
            }

            // "إصابة نحو 110": a casualty noun just before the number.
            for (var k = t - 1; k >= Math.Max(0, t - 2); k--)
            {
                if (tokens[k].Kind == TokenKind.Word && units.TryGet(words.Stem(k), out var before) && before is "killed" or "injured")
                {
                    found.Add(new QuantityMention(new TextSpan(tokens[k].Span.Start, number.Span.End), number.Value, number.Approx, before));
                    break;
                }
            }
        }

        if (ones is { Count: > 0 })
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == TokenKind.Word && !counted.Contains(i) && ones.TryGet(words.Stem(i), out var one))
                {
                    found.Add(new QuantityMention(tokens[i].Span, 1, false, one));
                }
            }

            found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }

        return found;
    }
}
