using Marsad.Export;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// What the corpus stage found over one run's documents. <see cref="Redated"/> lists the documents whose date it set
/// from their story: their contract objects must be written (or stored) again.
/// </summary>
public sealed record CorpusResult(
    IReadOnlyList<Story> Stories,
    IReadOnlyList<DuplicatePair> Duplicates,
    IReadOnlyList<Discrepancy> Discrepancies,
    IReadOnlyList<Document> Redated)
{
    /// <summary>The writers of the stories, duplicates and discrepancies sections, added to <paramref name="others"/> (entities, events).</summary>
    public CorpusSections ToSections(CorpusSections? others = null) => (others ?? new CorpusSections()) with
    {
        Stories = w => CorpusJson.WriteStories(w, Stories),
        Duplicates = w => CorpusJson.WriteDuplicates(w, Duplicates),
        Discrepancies = w => CorpusJson.WriteDiscrepancies(w, Discrepancies),
    };
}
