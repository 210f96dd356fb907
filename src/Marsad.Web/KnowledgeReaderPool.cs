using System.Collections.Concurrent;
using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Web;

/// <summary>
/// The served store's readers, kept open between requests: opening a store (a connection, its schema check) costs more
/// than most reads. A request leases one reader (<see cref="Lease"/>) and gives it back at its end; at most
/// <see cref="MaxIdle"/> wait idle, the others are closed. The reader of a store that does not exist yet
/// (<see cref="EmptyKnowledgeReader"/>) is never kept, so a store created later is read at the next request.
/// </summary>
public sealed class KnowledgeReaderPool(ServeOptions options) : IDisposable
{
    private readonly ConcurrentBag<IKnowledgeReader> _idle = [];
    private int _count;

    public static int MaxIdle { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    public LeasedKnowledgeReader Lease()
    {
        if (_idle.TryTake(out var reader))
        {
            Interlocked.Decrement(ref _count);
            return new LeasedKnowledgeReader(reader, this);
        }

        return new LeasedKnowledgeReader(options.OpenReader(options.DbPath), this);
    }

    internal void Return(IKnowledgeReader reader)
    {
        if (reader is not EmptyKnowledgeReader && Interlocked.Increment(ref _count) <= MaxIdle)
        {
            _idle.Add(reader);
            return;
        }

        if (reader is not EmptyKnowledgeReader)
        {
            Interlocked.Decrement(ref _count);
        }

        (reader as IDisposable)?.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var reader))
        {
            (reader as IDisposable)?.Dispose();
        }
    }
}

/// <summary>A reader leased from the <see cref="KnowledgeReaderPool"/> for one request; disposing it gives it back.</summary>
public sealed class LeasedKnowledgeReader(IKnowledgeReader reader, KnowledgeReaderPool pool) : IKnowledgeReader, IDisposable
{
    private int _returned;

    public KnowledgeStats Stats() => reader.Stats();

    public Page<DocumentRow> Documents(KnowledgeQuery query) => reader.Documents(query);

    public Page<StoryRecord> Stories(KnowledgeQuery query) => reader.Stories(query);

    public StoryRecord? Story(string id) => reader.Story(id);

    public Page<EventRecord> Events(KnowledgeQuery query) => reader.Events(query);

    public EventRecord? Event(string id) => reader.Event(id);

    public Page<EntityRow> Entities(KnowledgeQuery query) => reader.Entities(query);

    public EntityRow? Entity(string id) => reader.Entity(id);

    public Page<EntityMentionCount> EntityDocuments(string entity, KnowledgeQuery query) => reader.EntityDocuments(entity, query);

    public Page<DiscrepancyRecord> Discrepancies(KnowledgeQuery query) => reader.Discrepancies(query);

    public Page<DuplicateRecord> Duplicates(KnowledgeQuery query) => reader.Duplicates(query);

    public FramingRecord? Framing(string story) => reader.Framing(story);

    public string? DocumentJson(string id) => reader.DocumentJson(id);

    public IReadOnlyList<DocumentRow> DocumentRows(IReadOnlyCollection<string> ids) => reader.DocumentRows(ids);

    public IReadOnlyList<DocumentTextRow> DocumentTexts(IReadOnlyCollection<string> ids) => reader.DocumentTexts(ids);

    public IReadOnlyList<EntityRow> EntityRows(IReadOnlyCollection<string> ids) => reader.EntityRows(ids);

    public IReadOnlyList<TrendCount> Trend(TrendDimension dimension, KnowledgeQuery query, int keys) => reader.Trend(dimension, query, keys);

    public string ChangeStamp() => reader.ChangeStamp();

    public IReadOnlyList<Marsad.Storage.Monitoring.WatchSourceRecord> Sources() => reader.Sources();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            pool.Return(reader);
        }
    }
}
