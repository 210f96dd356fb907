using System.Globalization;
using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests.Support;

/// <summary>
/// A knowledge base held in memory, for serving tests before (and beside) the real stores: the orders, filters, paging
/// and redirects of <see cref="IKnowledgeReader"/>, over records given whole (<see cref="KnowledgeRecords"/>). The
/// cursor is the position in the filtered order.
/// </summary>
public sealed class InMemoryKnowledgeReader(KnowledgeRecords records) : IKnowledgeReader
{
    private readonly Dictionary<string, StoryRecord> _stories = records.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public KnowledgeStats Stats() => new(records.Documents.Count, records.Stories.Count, records.Events.Count, records.Entities.Count,
        records.Discrepancies.Count, records.Duplicates.Count, 0, ["test"]);

    public Page<DocumentRow> Documents(KnowledgeQuery query) => Paged(
        records.Documents.Select(d => d.Row)
            .Where(d => query.Story is null || d.Story == Resolve(query.Story))
            .Where(d => In(d.Published, d.Published, query))
            .Where(d => query.Outlet is null || d.Outlet == query.Outlet)
            .OrderByDescending(d => d.Published ?? "", StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal),
        query);

    public Page<StoryRecord> Stories(KnowledgeQuery query) => Paged(
        records.Stories
            .Where(s => In(s.First, s.Last, query))
            .Where(s => query.Outlet is null || records.Documents.Any(d => d.Row.Story == s.Id && d.Row.Outlet == query.Outlet))
            .OrderByDescending(s => s.Last ?? "", StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal),
        query);

    public StoryRecord? Story(string id) => Resolve(id) is { } r ? _stories.GetValueOrDefault(r) : null;

    public Page<EventRecord> Events(KnowledgeQuery query) => Paged(
        records.Events
            .Where(e => query.Story is null || e.Story == Resolve(query.Story))
            .Where(e => In(e.Day, e.Day, query))
            .Where(e => query.Outlet is null || e.Outlets.Contains(query.Outlet))
            .Where(e => query.Country is null || e.Country == query.Country)
            .Where(e => query.Actor is null || e.Actors.Contains(query.Actor))
            .Where(e => query.Type is null || e.Type == query.Type)
            .Where(e => query.Document is null || e.Documents.Contains(query.Document))
            .OrderByDescending(e => e.Day ?? "", StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal),
        query);

    public EventRecord? Event(string id) => records.Events.FirstOrDefault(e => e.Id == id);

    public Page<EntityRow> Entities(KnowledgeQuery query) => Paged(
        records.Entities.Select(Row)
            .Where(e => query.Type is null || e.Entity.Type == query.Type)
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Entity.Id, StringComparer.Ordinal),
        query);

    public EntityRow? Entity(string id) => records.Entities.FirstOrDefault(e => e.Id == id) is { } e ? Row(e) : null;

    public Page<EntityMentionCount> EntityDocuments(string entity, KnowledgeQuery query) => Paged(
        records.Mentions.Where(m => m.Entity == entity).OrderByDescending(m => m.Count).ThenBy(m => m.Document, StringComparer.Ordinal),
        query);

    public Page<DiscrepancyRecord> Discrepancies(KnowledgeQuery query) => Paged(
        records.Discrepancies.Where(d => query.Story is null || d.Story == Resolve(query.Story)).OrderBy(d => d.Id, StringComparer.Ordinal),
        query);

    public Page<DuplicateRecord> Duplicates(KnowledgeQuery query)
    {
        var story = query.Story is null ? null : Resolve(query.Story);
        var members = records.Documents.Where(d => d.Row.Story == story).Select(d => d.Row.Id).ToHashSet(StringComparer.Ordinal);
        return Paged(
            records.Duplicates.Where(d => story is null || members.Contains(d.A) || members.Contains(d.B)).OrderBy(d => d.A + "\n" + d.B, StringComparer.Ordinal),
            query);
    }

    public FramingRecord? Framing(string story) => Resolve(story) is { } s ? records.Framing.FirstOrDefault(f => f.Story == s) : null;

    public string? DocumentJson(string id) => records.Documents.FirstOrDefault(d => d.Row.Id == id)?.Json;

    public IReadOnlyList<DocumentRow> DocumentRows(IReadOnlyCollection<string> ids) =>
        [.. records.Documents.Where(d => ids.Contains(d.Row.Id)).Select(d => d.Row)];

    public IReadOnlyList<DocumentTextRow> DocumentTexts(IReadOnlyCollection<string> ids) =>
        [.. records.Documents.Where(d => ids.Contains(d.Row.Id)).Select(d => new DocumentTextRow(d.Row, Text(d.Json)))];

    public IReadOnlyList<TrendCount> Trend(TrendDimension dimension, KnowledgeQuery query, int keys)
    {
        var rows = dimension == TrendDimension.Outlet
            ? records.Documents.Select(d => d.Row)
                .Where(d => d.Outlet is not null && d.Published is not null && In(d.Published, d.Published, query))
                .Where(d => (query.Story is null || d.Story == Resolve(query.Story)) && (query.Outlet is null || d.Outlet == query.Outlet))
                .Select(d => (Day: d.Published![..10], Key: d.Outlet!))
            : records.Events
                .Where(e => e.Day is not null && In(e.Day, e.Day, query))
                .Where(e => (query.Story is null || e.Story == Resolve(query.Story)) && (query.Type is null || e.Type == query.Type))
                .SelectMany(e => dimension switch
                {
                    TrendDimension.Actor => e.Actors.Select(a => (Day: e.Day!, Key: a)),
                    TrendDimension.Place => e.Place is null ? [] : new[] { (Day: e.Day!, Key: e.Place) },
                    _ => [(Day: e.Day!, Key: e.Type)],
                });
        var list = rows.ToList();
        var top = list.GroupBy(r => r.Key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(keys).Select(g => g.Key).ToHashSet();
        return [.. list.Where(r => top.Contains(r.Key)).GroupBy(r => r)
            .OrderBy(g => g.Key.Day, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new TrendCount(g.Key.Day, g.Key.Key, g.Count()))];
    }

    public IReadOnlyList<EntityRow> EntityRows(IReadOnlyCollection<string> ids) =>
        [.. records.Entities.Where(e => ids.Contains(e.Id)).Select(Row)];

    public IReadOnlyList<Marsad.Storage.Monitoring.WatchSourceRecord> Sources() => [];

    /// <summary>The records are given whole and never change.</summary>
    public string ChangeStamp() => "";

    private static string Text(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
    }

    private string? Resolve(string id) => records.Redirects.GetValueOrDefault(id) ?? (_stories.ContainsKey(id) ? id : null);

    private EntityRow Row(EntityRecord e)
    {
        var mentions = records.Mentions.Where(m => m.Entity == e.Id).ToList();
        return new EntityRow(e, mentions.Sum(m => m.Count), mentions.Count);
    }

    /// <summary>Whether [first, last] meets the query's date window; an undated item is outside any window.</summary>
    private static bool In(string? first, string? last, KnowledgeQuery q) =>
        (q.From is null || (last is not null && string.CompareOrdinal(last, q.From) >= 0))
        && (q.To is null || (first is not null && string.CompareOrdinal(first, q.To) <= 0));

    private static Page<T> Paged<T>(IEnumerable<T> ordered, KnowledgeQuery query)
    {
        var at = 0;
        if (query.Cursor is { } c && !int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out at))
        {
            throw new FormatException($"'{c}' is not a cursor of this store");
        }

        var all = ordered.ToList();
        var items = all.Skip(at).Take(query.ClampedLimit).ToList();
        var next = at + items.Count < all.Count ? (at + items.Count).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<T>(items, next);
    }
}
