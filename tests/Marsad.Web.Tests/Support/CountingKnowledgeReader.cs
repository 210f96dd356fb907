using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests.Support;

/// <summary>A reader that counts the calls of each of its methods (by name), to check how often a view reads the store.</summary>
public sealed class CountingKnowledgeReader(IKnowledgeReader reader) : IKnowledgeReader
{
    public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public int Count(string method) => Calls.GetValueOrDefault(method);

    public KnowledgeStats Stats() => Counted(nameof(Stats), reader.Stats);

    public Page<DocumentRow> Documents(KnowledgeQuery query) => Counted(nameof(Documents), () => reader.Documents(query));

    public Page<StoryRecord> Stories(KnowledgeQuery query) => Counted(nameof(Stories), () => reader.Stories(query));

    public StoryRecord? Story(string id) => Counted(nameof(Story), () => reader.Story(id));

    public Page<EventRecord> Events(KnowledgeQuery query) => Counted(nameof(Events), () => reader.Events(query));

    public EventRecord? Event(string id) => Counted(nameof(Event), () => reader.Event(id));

    public Page<EntityRow> Entities(KnowledgeQuery query) => Counted(nameof(Entities), () => reader.Entities(query));

    public EntityRow? Entity(string id) => Counted(nameof(Entity), () => reader.Entity(id));

    public Page<EntityMentionCount> EntityDocuments(string entity, KnowledgeQuery query) => Counted(nameof(EntityDocuments), () => reader.EntityDocuments(entity, query));

    public Page<DiscrepancyRecord> Discrepancies(KnowledgeQuery query) => Counted(nameof(Discrepancies), () => reader.Discrepancies(query));

    public Page<DuplicateRecord> Duplicates(KnowledgeQuery query) => Counted(nameof(Duplicates), () => reader.Duplicates(query));

    public FramingRecord? Framing(string story) => Counted(nameof(Framing), () => reader.Framing(story));

    public string? DocumentJson(string id) => Counted(nameof(DocumentJson), () => reader.DocumentJson(id));

    public IReadOnlyList<DocumentRow> DocumentRows(IReadOnlyCollection<string> ids) => Counted(nameof(DocumentRows), () => reader.DocumentRows(ids));

    public IReadOnlyList<DocumentTextRow> DocumentTexts(IReadOnlyCollection<string> ids) => Counted(nameof(DocumentTexts), () => reader.DocumentTexts(ids));

    public IReadOnlyList<EntityRow> EntityRows(IReadOnlyCollection<string> ids) => Counted(nameof(EntityRows), () => reader.EntityRows(ids));

    public IReadOnlyList<TrendCount> Trend(TrendDimension dimension, KnowledgeQuery query, int keys) => Counted(nameof(Trend), () => reader.Trend(dimension, query, keys));
    /// <summary>Not counted: the stamp is read before each cached answer, it is not a read of what the store holds.</summary>
    public string ChangeStamp() => reader.ChangeStamp();

    public IReadOnlyList<Marsad.Storage.Monitoring.WatchSourceRecord> Sources() => Counted(nameof(Sources), reader.Sources);

    private T Counted<T>(string method, Func<T> read)
    {
        Calls[method] = Count(method) + 1;
        return read();
    }
}
