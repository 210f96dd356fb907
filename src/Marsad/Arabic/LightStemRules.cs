namespace Marsad.Arabic;

/// <summary>
/// The suffix table of the light stemmer (<c>data/ar/light-stem-suffixes.tsv</c>: suffix, minimum stem length), loaded
/// once. Rules: the longest suffix whose stem keeps its minimum length is stripped; at most one suffix goes.
/// </summary>
public sealed class LightStemRules
{
    private static readonly Lazy<LightStemRules> DefaultInstance = new(() => Load(DataFiles.Path("ar", "light-stem-suffixes.tsv")));

    private readonly (string Suffix, int MinStem)[] _suffixes;

    public LightStemRules(IEnumerable<(string Suffix, int MinStem)> suffixes)
    {
        _suffixes = suffixes.OrderByDescending(s => s.Suffix.Length).ToArray();
    }

    public static LightStemRules Default => DefaultInstance.Value;

    public static LightStemRules Load(string path) =>
        new(TsvLexicon.ReadRows(path).Select(f =>
        {
            if (f.Length < 2 || !int.TryParse(f[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min))
            {
                throw new FormatException($"{path}: a suffix row needs 2 fields (suffix, min_stem), got '{string.Join('\t', f)}'");
            }

            return (f[0], min);
        }));

    /// <summary>The length of the stem of a normalized word: the word's length minus the suffix that goes, if any.</summary>
    public int StemLength(ReadOnlySpan<char> word)
    {
        foreach (var (suffix, minStem) in _suffixes)
        {
            if (word.Length - suffix.Length >= minStem && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word.Length - suffix.Length;
            }
        }

        return word.Length;
    }
}
