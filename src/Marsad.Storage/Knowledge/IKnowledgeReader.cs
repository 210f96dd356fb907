using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Paged, indexed reads of the knowledge base, for every reader (serve, stories, timeline, search, export). Orders
/// (ties broken by id in the same direction, ids compared ordinally): documents newest first (published desc, id desc;
/// undated last); stories by last date desc, then id desc (undated last); events by day desc, then id desc (undated last);
/// entities by mentions desc, then id desc; discrepancies by id; duplicates by (A, B). A story id that was merged away
/// resolves to its survivor in <see cref="Story"/> and in the <see cref="KnowledgeQuery.Story"/> filter. A cursor
/// the store did not give throws <see cref="FormatException"/> (one line, for a 400 answer).
/// <para>Filters each kind takes (others are ignored): documents — story, from/to (publication; undated excluded when
/// a bound is given), outlet, actor (the document mentions the entity); stories — story, from/to (the span overlaps),
/// outlet (a member document's), country, type, actor (each held by some event of the story); events — all of them,
/// and document (the event is mentioned in it);
/// entities — type; entity documents — none; discrepancies — story; duplicates — none.</para>
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

    /// <summary>
    /// Counts per day (dated rows only, days ascending) of events by type, actor or place, or of documents by outlet,
    /// for the <paramref name="keys"/> keys counted most within the filters (story, from, to, outlet, and for events also
    /// country, type, actor; documents take actor as "mentions the entity"); ties between keys go to the smaller key.
    /// </summary>
    IReadOnlyList<TrendCount> Trend(TrendDimension dimension, KnowledgeQuery query, int keys);

    /// <summary>The stored document's contract JSON, or null.</summary>
    string? DocumentJson(string id);

    /// <summary>
    /// The summaries of the documents of <paramref name="ids"/>, in no order; an unknown id is left out. One round trip
    /// per chunk of ids: a page's views look up what its items name at once, never item by item.
    /// </summary>
    IReadOnlyList<DocumentRow> DocumentRows(IReadOnlyCollection<string> ids);

    /// <summary>The summaries and texts (not the contract JSON) of the documents of <paramref name="ids"/>, in no order.</summary>
    IReadOnlyList<DocumentTextRow> DocumentTexts(IReadOnlyCollection<string> ids);

    /// <summary>The catalogue's entities of <paramref name="ids"/>, in no order; an unknown id is left out.</summary>
    IReadOnlyList<EntityRow> EntityRows(IReadOnlyCollection<string> ids);

    /// <summary>
    /// A short text that changes whenever anything stored changes, by any process (see
    /// <see cref="IDocumentStore.ChangeStamp"/>): an answer read under one stamp stays right while the stamp is the same.
    /// </summary>
    string ChangeStamp();

    /// <summary>The health of every watched source (<c>marsad watch</c>), by id; empty when nothing is watched.</summary>
    IReadOnlyList<Monitoring.WatchSourceRecord> Sources();
}
