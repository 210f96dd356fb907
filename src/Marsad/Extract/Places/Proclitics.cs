using Marsad.Arabic;

namespace Marsad.Extract.Places;

/// <summary>
/// Strips the proclitics of the project's clitic table (<see cref="ProcliticTable.PrepositionSequences"/>: و ب ل ف ك
/// and their runs, لل that restores ال) from a normalized word. Rules: longest prefix first; the stem keeps at
/// least two letters; a prefix with a restored part (لل → ال) yields the stem with its article and marks the word
/// as fused (the whole word is the mention).
/// </summary>
public sealed class Proclitics
{
    private static readonly Lazy<Proclitics> DefaultInstance = new(() => new Proclitics(ProcliticTable.Default.PrepositionSequences.Select(p => (p.Prefix, p.Restores))));

    private readonly (string Prefix, string Restores)[] _prefixes;

    public Proclitics(IEnumerable<(string Prefix, string Restores)> prefixes)
    {
        _prefixes = [.. prefixes.OrderByDescending(p => p.Prefix.Length)];
    }

    public static Proclitics Default => DefaultInstance.Value;

    /// <summary>The prefixes with what each restores, longest first.</summary>
    public ReadOnlySpan<(string Prefix, string Restores)> Prefixes => _prefixes;

    /// <summary>
    /// The readings of a word with a proclitic removed, longest prefix first: the stem, the prefix length (in
    /// characters of the normalized word) and whether the prefix fused with the article.
    /// </summary>
    public IEnumerable<(string Stem, int PrefixLength, bool Fused)> Strip(string word)
    {
        foreach (var (prefix, restores) in _prefixes)
        {
            if (word.Length - prefix.Length >= 2 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return (restores + word[prefix.Length..], prefix.Length, restores.Length > 0);
            }
        }
    }
}
