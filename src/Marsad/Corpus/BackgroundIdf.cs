using Marsad.Arabic;

namespace Marsad.Corpus;

/// <summary>
/// Inverse frequency of a normalized word in a large news corpus (<c>data/ar/word-freq.tsv</c>): <c>ln(total / (count + 1))</c>.
/// Why a background: a stream's own document frequencies say nothing while it holds a handful of documents, and
/// a word every news story uses ("الحكومة") must not tie two stories together from the first document on.
/// Words absent from the list (rare names, new terms) get the highest weight. Loaded once, immutable.
/// </summary>
public sealed class BackgroundIdf
{
    private static readonly Lazy<BackgroundIdf> DefaultInstance = new(() => new BackgroundIdf(WordLexicon.WordFrequencies));

    private readonly WordLexicon _counts;
    private readonly double _logTotal;

    public BackgroundIdf(WordLexicon counts)
    {
        _counts = counts;
        var total = 0L;
        foreach (var row in TsvLexicon.ReadData("ar", "word-freq.tsv"))
        {
            if (row.Length > 1 && long.TryParse(row[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var c))
            {
                total += c;
            }
        }

        _logTotal = Math.Log(Math.Max(total, 2));
    }

    public static BackgroundIdf Default => DefaultInstance.Value;

    /// <summary>The weight of a normalized word or stem; never below 0.</summary>
    public double Of(ReadOnlySpan<char> form) => Math.Max(0, _logTotal - Math.Log(_counts.ValueOf(form) + 1.0));
}
