using Marsad.Corpus;
using Marsad.Export;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Knowledge;

/// <summary>
/// What one <see cref="KnowledgeRun.Connect"/> did. <see cref="Documents"/> are the documents it connected (those given,
/// then the stored ones it found unconnected), final: a document its story dated is the annotated-again one.
/// <see cref="Redated"/> are the documents (new or stored members of a touched story) whose date a story set: their
/// contract objects must be written, or stored, again. <see cref="Stories"/> are the touched stories (whole, with their
/// stored members), <see cref="Events"/>, <see cref="Discrepancies"/> theirs; <see cref="Duplicates"/> the pairs of a
/// new document; <see cref="Entities"/> the catalogue of the touched stories' documents. <see cref="Change"/> is what
/// was applied to the knowledge base.
/// </summary>
public sealed record KnowledgeResult(
    IReadOnlyList<Document> Documents,
    IReadOnlyList<Document> Redated,
    IReadOnlyList<Story> Stories,
    IReadOnlyDictionary<string, string> Redirects,
    IReadOnlyList<CorpusEvent> Events,
    IReadOnlyList<DuplicatePair> Duplicates,
    IReadOnlyList<Discrepancy> Discrepancies,
    IReadOnlyList<CatalogEntity> Entities,
    KnowledgeChange Change)
{
    /// <summary>
    /// The corpus-level sections of the analysis contract for what was connected; they hold the lists they write, not
    /// this result, so the change can be let go once applied.
    /// </summary>
    public CorpusSections ToSections() => Sections(Entities, Events, Stories, Duplicates, Discrepancies);

    /// <summary>The corpus-level sections of the analysis contract written from these lists.</summary>
    internal static CorpusSections Sections(
        IReadOnlyList<CatalogEntity> entities, IReadOnlyList<CorpusEvent> events, IReadOnlyList<Story> stories,
        IReadOnlyList<DuplicatePair> duplicates, IReadOnlyList<Discrepancy> discrepancies) => new()
    {
        Entities = w =>
        {
            w.WriteStartArray();
            foreach (var e in entities)
            {
                EntityJson.WriteEntity(w, e);
            }

            w.WriteEndArray();
        },
        Events = w => EventJson.WriteEvents(w, events),
        Stories = w => CorpusJson.WriteStories(w, stories),
        Duplicates = w => CorpusJson.WriteDuplicates(w, duplicates),
        Discrepancies = w => CorpusJson.WriteDiscrepancies(w, discrepancies),
    };
}
