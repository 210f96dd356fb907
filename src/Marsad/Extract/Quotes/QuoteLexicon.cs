using Marsad.Arabic;
using Marsad.Extract.Events;

namespace Marsad.Extract.Quotes;

/// <summary>The reporting cues of <c>data/ar/quotes/cues.tsv</c> (speech verbs, source phrases, relays, receipts), loaded once.</summary>
public sealed class QuoteLexicon(WordTable<string> cues)
{
    private static readonly Lazy<QuoteLexicon> DefaultInstance = new(() => new QuoteLexicon(new WordTable<string>(
        TsvLexicon.ReadData("ar", "quotes", "cues.tsv").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], r[1])))));

    public static QuoteLexicon Default => DefaultInstance.Value;

    public WordTable<string> Cues { get; } = cues;
}
