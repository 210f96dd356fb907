namespace Marsad.Arabic;

/// <summary>
/// A run of proclitics a noun can carry (و، بال، ولل): its normalized letters, what it gives back to the stem (ال for
/// لل, where the preposition ل took the article's alef), and whether it holds the article.
/// </summary>
public readonly record struct ProcliticSequence(string Prefix, string Restores, bool HasArticle);
