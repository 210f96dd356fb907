using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Web;

/// <summary>The reader of a store that does not exist yet (a SQLite file not created): every list is empty, every id unknown. Serving never creates a store.</summary>
public sealed class EmptyKnowledgeReader : IKnowledgeReader
{
    public static EmptyKnowledgeReader Instance { get; } = new();

    public KnowledgeStats Stats() => new(0, 0, 0, 0, 0, 0, 0, []);

    public Page<DocumentRow> Documents(KnowledgeQuery query) => new([], null);

    public Page<StoryRecord> Stories(KnowledgeQuery query) => new([], null);

    public StoryRecord? Story(string id) => null;

    public Page<EventRecord> Events(KnowledgeQuery query) => new([], null);

    public EventRecord? Event(string id) => null;

    public Page<EntityRow> Entities(KnowledgeQuery query) => new([], null);

    public EntityRow? Entity(string id) => null;

    public Page<EntityMentionCount> EntityDocuments(string entity, KnowledgeQuery query) => new([], null);

    public Page<DiscrepancyRecord> Discrepancies(KnowledgeQuery query) => new([], null);

    public Page<DuplicateRecord> Duplicates(KnowledgeQuery query) => new([], null);

    public FramingRecord? Framing(string story) => null;

    public string? DocumentJson(string id) => null;

    public IReadOnlyList<DocumentRow> DocumentRows(IReadOnlyCollection<string> ids) => [];

    public IReadOnlyList<DocumentTextRow> DocumentTexts(IReadOnlyCollection<string> ids) => [];

    public IReadOnlyList<EntityRow> EntityRows(IReadOnlyCollection<string> ids) => [];

    public IReadOnlyList<TrendCount> Trend(TrendDimension dimension, KnowledgeQuery query, int keys) => [];

    public string ChangeStamp() => "";

    public IReadOnlyList<Marsad.Storage.Monitoring.WatchSourceRecord> Sources() => [];
}
