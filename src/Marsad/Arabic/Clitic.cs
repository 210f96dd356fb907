namespace Marsad.Arabic;

/// <summary>
/// One clitic of <c>data/ar/clitics.tsv</c>: its normalized form, whether it attaches before the stem, its slot (proclitics
/// attach in slot order: conjunction 1, preposition or future particle 2, article 3), the shortest remainder it may leave,
/// the evidence ratio it needs (the remainder's corpus count must reach <see cref="Ratio"/> times the count of the form it
/// is stripped from), the letters the remainder must start with (empty: any), whether it holds the article, and whether
/// it can begin a noun (و ف ب ل ك لل ال; the future particle س begins verbs only).
/// </summary>
public sealed record Clitic(string Form, bool IsProclitic, int Slot, int MinRemainder, double Ratio, string NextLetters, bool HasArticle, bool OnNouns = true);
