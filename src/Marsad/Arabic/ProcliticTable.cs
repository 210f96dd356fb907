namespace Marsad.Arabic;

/// <summary>
/// The proclitics of the project's one clitic table (<c>data/ar/clitics.tsv</c>) as the matchers of names, numbers
/// and times use them. Rules:
/// <list type="bullet">
/// <item>a noun carries at most one proclitic per slot, in slot order: a conjunction (و ف), a preposition (ب ل ك, or لل
/// that fuses ل with the article), then the article ال; the future particle س begins verbs only;</item>
/// <item>ل never precedes ال as written (لال): it is لل, which gives the stem back its article (للعراق → العراق);</item>
/// <item>sequences are listed longest first, so a matcher strips وبال before و.</item>
/// </list>
/// </summary>
public sealed class ProcliticTable
{
    private static readonly Lazy<ProcliticTable> DefaultInstance = new(() => new ProcliticTable(CliticSegmenter.LoadClitics(DataFiles.Path("ar", "clitics.tsv"))));

    private readonly Clitic[] _proclitics;

    public ProcliticTable(IEnumerable<Clitic> clitics)
    {
        _proclitics = [.. clitics.Where(c => c.IsProclitic && c.OnNouns)];
        Letters = new string([.. _proclitics.Where(c => c.Form.Length == 1).Select(c => c.Form[0]).Distinct().Order()]);
        NounSequences = Sequences(article: true);
        PrepositionSequences = Sequences(article: false);
    }

    /// <summary>The table of the shipped data, loaded once.</summary>
    public static ProcliticTable Default => DefaultInstance.Value;

    /// <summary>The one-letter proclitics a noun (or a number, or a time word) can begin with: و ف ب ل ك.</summary>
    public string Letters { get; }

    /// <summary>Every run of conjunction, preposition and article (و، ب، ال، وبال، فلل…), longest first.</summary>
    public IReadOnlyList<ProcliticSequence> NounSequences { get; }

    /// <summary>
    /// The runs without a bare article (و، بـ، ولـ، لل…), longest first: what a name written with its own article
    /// (العراق) or without one (بغداد) can carry in running text.
    /// </summary>
    public IReadOnlyList<ProcliticSequence> PrepositionSequences { get; }

    /// <summary>True when <paramref name="c"/> is a one-letter proclitic of nouns.</summary>
    public bool IsLetter(char c) => Letters.Contains(c);

    private ProcliticSequence[] Sequences(bool article)
    {
        IEnumerable<Clitic?> Slot(int slot) => [null, .. _proclitics.Where(c => c.Slot == slot)];
        var list = new List<ProcliticSequence>();
        foreach (var conj in Slot(1))
        {
            foreach (var prep in Slot(2))
            {
                foreach (var art in article ? Slot(3) : [null])
                {
                    // A preposition that holds the article (لل) takes no second one; ل before ال is written لل.
                    if (art is not null && prep is not null && (prep.HasArticle || prep.Form == "ل"))
                    {
                        continue;
                    }

                    var prefix = conj?.Form + prep?.Form + art?.Form;
                    if (prefix.Length == 0)
                    {
                        continue;
                    }

                    var fused = prep is { HasArticle: true };
                    list.Add(new ProcliticSequence(prefix, fused ? "ال" : "", fused || art is not null));
                }
            }
        }

        return [.. list.DistinctBy(p => p.Prefix).OrderByDescending(p => p.Prefix.Length).ThenBy(p => p.Prefix, StringComparer.Ordinal)];
    }
}
