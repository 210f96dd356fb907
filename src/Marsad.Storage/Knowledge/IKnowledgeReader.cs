using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Paged, indexed reads of the knowledge base, for every reader (serve, stories, timeline, search, export). Orders:
/// documents newest first (published desc, id); stories by last date desc, then id; events by day desc, then id;
/// entities by mentions desc, then id; discrepancies and duplicates by id. A story id that was merged away resolves to
/// its survivor in <see cref="Story"/> and in the <see cref="KnowledgeQuery.Story"/> filter.
/// </summary>
public interface IKnowledgeReader
{
    KnowledgeStats Stats();

    Page<DocumentRow> Documents(KnowledgeQuery query);

    Page<StoryRecord> Stories(KnowledgeQuery query);

    /// <summary>The story this id names now (following a redirect), or null.</summary>
    StoryRecord? Story(string id);

    Page<EventRecord> Events(KnowledgeQuery query);

    EventRecord? Event(string id);

    /// <summary>Entities of <see cref="KnowledgeQuery.Type"/> (when given), most mentioned first.</summary>
    Page<EntityRow> Entities(KnowledgeQuery query);

    EntityRow? Entity(string id);

    /// <summary>The documents that mention the entity, most mentions first, paged.</summary>
    Page<EntityMentionCount> EntityDocuments(string entity, KnowledgeQuery query);

    Page<DiscrepancyRecord> Discrepancies(KnowledgeQuery query);

    Page<DuplicateRecord> Duplicates(KnowledgeQuery query);

    FramingRecord? Framing(string story);

    /// <summary>The stored document's contract JSON, or null.</summary>
    string? DocumentJson(string id);
}
