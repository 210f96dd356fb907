namespace Marsad.Evaluation;

/// <summary>
/// Character-level precision, recall and F1 of an extracted main text against the known article body. The two texts
/// are split into whitespace-separated words and aligned in order (longest common subsequence); a matched word counts
/// its characters, so a kept related-links list costs precision in proportion to its length and a lost paragraph
/// costs recall in proportion to its length. White space never counts.
/// </summary>
public readonly record struct MainTextScore(int ExtractedChars, int ExpectedChars, int MatchedChars)
{
    public double Precision => ExtractedChars == 0 ? (ExpectedChars == 0 ? 1 : 0) : (double)MatchedChars / ExtractedChars;

    public double Recall => ExpectedChars == 0 ? 1 : (double)MatchedChars / ExpectedChars;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The sum of two scores: micro-averaged precision and recall over both pages.</summary>
    public static MainTextScore operator +(MainTextScore a, MainTextScore b) =>
        new(a.ExtractedChars + b.ExtractedChars, a.ExpectedChars + b.ExpectedChars, a.MatchedChars + b.MatchedChars);

    public static MainTextScore Of(string extracted, string expected)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        ArgumentNullException.ThrowIfNull(expected);
        var got = Words(extracted);
        var want = Words(expected);
        return new MainTextScore(got.Sum(w => w.Length), want.Sum(w => w.Length), MatchedLength(got, want));
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The character weight of the heaviest common subsequence of words, in two rows of memory.</summary>
    private static int MatchedLength(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + a[i - 1].Length
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
