using System.Data.Common;
using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>The paged reads of <see cref="IKnowledgeReader"/>: each a keyset walk of one order's index.</summary>
public abstract partial class KnowledgeStore
{
    private const string DocumentDay = "COALESCE(d.published, '')";

    public KnowledgeStats Stats() => Read(c =>
    {
        // The totals are counters the writes keep (StoreCounts): a read of a few rows, not a count of every row.
        var counts = StoreCounts.Read(c, null);
        int Count(string name) => (int)counts.GetValueOrDefault(name);
        var versions = new List<string>();
        // A loose index scan: one probe of ix_documents_version per distinct version, not a pass over the documents.
        using (var cmd = Sql.Command(c, null, """
            WITH RECURSIVE v(version) AS (
              SELECT MIN(analyzer_version) FROM documents
              UNION ALL
              SELECT (SELECT MIN(analyzer_version) FROM documents WHERE analyzer_version > v.version) FROM v WHERE v.version IS NOT NULL)
            SELECT version FROM v WHERE version IS NOT NULL
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                versions.Add(r.GetString(0));
            }
        }

        return new KnowledgeStats(
            Count(StoreCounts.Documents), Count(StoreCounts.Stories), Count(StoreCounts.Events), Count(StoreCounts.Entities),
            Count(StoreCounts.Discrepancies), Count(StoreCounts.Duplicates), Count(StoreCounts.Unconnected), versions);
    });

    public Page<DocumentRow> Documents(KnowledgeQuery query) => Read(c =>
        new PageQuery(KnowledgeRecords.DocumentColumns, "documents d", DocumentDay, "d.id", descending: true)
            .Where("d.story_id = @story", "@story", StoryFilter(c, query))
            .Where($"{DocumentDay} >= @from", "@from", query.From)
            .Where($"{DocumentDay} <= @to AND {DocumentDay} > ''", "@to", query.To)
            .Where("d.outlet = @outlet", "@outlet", query.Outlet)
            // An entity is named by a small share of the documents: they are found through the mention index and sorted,
            // rather than found by walking every document in order.
            .Where("d.id IN (SELECT m.doc_id FROM entity_mentions m WHERE m.entity_id = @actor)", "@actor", query.Actor)
            .Run(c, query.Cursor, query.ClampedLimit, KnowledgeRecords.Document));

    public Page<StoryRecord> Stories(KnowledgeQuery query) => Read(c =>
        new PageQuery(KnowledgeRecords.StoryColumns, "stories s", "s.last_date", "s.id", descending: true)
            .Where("s.id = @story", "@story", StoryFilter(c, query))
            .Where("s.last_date >= @from", "@from", query.From)
            .Where("s.first_date <= @to AND s.last_date > ''", "@to", query.To)
            // A story that starts by `to` ends by `to` + the longest span stored: the walk down the last dates starts there,
            // not at the newest story of the store (on a store of many years, most of it).
            .Where("s.last_date <= @bound", "@bound", LastDateBound(c, query.To))
            // Each condition looks inside the story (by its id) for a match: the filter's column is kept off the index
            // ("|| ''") where an index on it alone would tempt the planner to walk every row of that value for each story.
            .Where("EXISTS (SELECT 1 FROM documents d WHERE d.story_id = s.id AND d.outlet = @outlet)", "@outlet", query.Outlet)
            .Where("EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND e.country || '' = @country)", "@country", query.Country)
            .Where("EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND e.type || '' = @type)", "@type", query.Type)
            // As for documents, an actor's stories come from its events, then are sorted.
            .Where("s.id IN (SELECT e.story_id FROM event_actors a JOIN events e ON e.id = a.event_id WHERE a.entity_id = @actor)", "@actor", query.Actor)
            .Run(c, query.Cursor, query.ClampedLimit, KnowledgeRecords.Story));

    /// <summary>The latest last date a story that starts by <paramref name="to"/> can have; null without a day to bound.</summary>
    private static string? LastDateBound(System.Data.Common.DbConnection c, string? to) =>
        DateOnly.TryParseExact(to, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? Iso(day.AddDays((int)Sql.Long(c, null, "SELECT max_span FROM knowledge_state WHERE id = 1")))
            : null;

    public StoryRecord? Story(string id) => Read(c => Resolve(c, id) is { } current ? StoryById(c, current) : null);

    public Page<EventRecord> Events(KnowledgeQuery query) => Read(c =>
    {
        // An actor or an outlet filter walks its own table, which repeats the event's day: the page is still one index range.
        var (from, day, id, walked) = query switch
        {
            { Actor: not null } => ("event_actors x JOIN events e ON e.id = x.event_id", "x.day", "x.event_id", "actor"),
            { Outlet: not null } => ("event_outlets x JOIN events e ON e.id = x.event_id", "x.day", "x.event_id", "outlet"),
            _ => ("events e", "e.day", "e.id", ""),
        };
        return new PageQuery(KnowledgeRecords.EventColumns, from, day, id, descending: true)
            .Where("x.entity_id = @actor", "@actor", query.Actor)
            .Where(walked == "outlet" ? "x.outlet = @outlet" : "EXISTS (SELECT 1 FROM event_outlets o WHERE o.outlet = @outlet AND o.day = e.day AND o.event_id = e.id)", "@outlet", query.Outlet)
            .Where("e.story_id = @story", "@story", StoryFilter(c, query))
            .Where($"{day} >= @from", "@from", query.From)
            .Where($"{day} <= @to AND {day} > ''", "@to", query.To)
            .Where("e.country = @country", "@country", query.Country)
            .Where("e.type = @type", "@type", query.Type)
            .Where("e.id IN (SELECT m.event_id FROM event_documents m WHERE m.doc_id = @document)", "@document", query.Document)
            .Run(c, query.Cursor, query.ClampedLimit, KnowledgeRecords.Event);
    });

    public EventRecord? Event(string id) => One($"SELECT {KnowledgeRecords.EventColumns} FROM events e WHERE e.id = @id", id, KnowledgeRecords.Event);

    public Page<EntityRow> Entities(KnowledgeQuery query) => Read(c =>
        new PageQuery(KnowledgeRecords.EntityColumns, "entities n", "n.mentions", "n.id", descending: true, numericKey: true)
            .Where("n.type = @type", "@type", query.Type)
            .Run(c, query.Cursor, query.ClampedLimit, KnowledgeRecords.Entity));

    public EntityRow? Entity(string id) => One($"SELECT {KnowledgeRecords.EntityColumns} FROM entities n WHERE n.id = @id", id, KnowledgeRecords.Entity);

    public Page<EntityMentionCount> EntityDocuments(string entity, KnowledgeQuery query) => Read(c =>
        new PageQuery("m.entity_id, m.doc_id, m.mentions", "entity_mentions m", "m.mentions", "m.doc_id", descending: true, numericKey: true)
            .Where("m.entity_id = @entity", "@entity", entity)
            .Run(c, query.Cursor, query.ClampedLimit, r => new EntityMentionCount(r.GetString(0), r.GetString(1), r.Int(2))));

    public Page<DiscrepancyRecord> Discrepancies(KnowledgeQuery query) => Read(c =>
        new PageQuery("x.id, x.story_id, x.kind, x.json", "discrepancies x", null, "x.id", descending: false)
            .Where("x.story_id = @story", "@story", StoryFilter(c, query))
            .Run(c, query.Cursor, query.ClampedLimit, KnowledgeRecords.Discrepancy));

    public Page<DuplicateRecord> Duplicates(KnowledgeQuery query) => Read(c =>
        new PageQuery("p.a, p.b, p.similarity", "duplicates p", "p.a", "p.b", descending: false)
            // A pair is a story's when either document is in it; the story's documents are found through their index.
            .Where("(p.a IN (SELECT sd.id FROM documents sd WHERE sd.story_id = @story) OR p.b IN (SELECT sd.id FROM documents sd WHERE sd.story_id = @story))", "@story", StoryFilter(c, query))
            .Run(c, query.Cursor, query.ClampedLimit, KnowledgeRecords.Duplicate));

    public FramingRecord? Framing(string story) => Read(c =>
    {
        var current = Resolve(c, story) ?? story;
        using var cmd = Sql.Command(c, null, "SELECT story_id, json FROM framing WHERE story_id = @id").With("@id", current);
        return List(cmd, r => new FramingRecord(r.GetString(0), r.GetString(1))).FirstOrDefault();
    });

    public string? DocumentJson(string id) => One("SELECT json FROM documents WHERE id = @id", id, r => r.GetString(0));

    public IReadOnlyList<DocumentRow> DocumentRows(IReadOnlyCollection<string> ids) =>
        ByIds(ids, $"SELECT {KnowledgeRecords.DocumentColumns} FROM documents d WHERE d.id IN", KnowledgeRecords.Document);

    public IReadOnlyList<DocumentTextRow> DocumentTexts(IReadOnlyCollection<string> ids) =>
        ByIds(ids, $"SELECT {KnowledgeRecords.DocumentColumns}, d.text FROM documents d WHERE d.id IN",
            r => new DocumentTextRow(KnowledgeRecords.Document(r), r.GetString(8)));

    public IReadOnlyList<EntityRow> EntityRows(IReadOnlyCollection<string> ids) =>
        ByIds(ids, $"SELECT {KnowledgeRecords.EntityColumns} FROM entities n WHERE n.id IN", KnowledgeRecords.Entity);

    // The rows of a set of ids, a chunk of ids per statement (SQLite bounds a statement's variables).
    private List<T> ByIds<T>(IReadOnlyCollection<string> ids, string select, Func<DbDataReader, T> read)
    {
        var rows = new List<T>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            rows.AddRange(Read(c =>
            {
                using var cmd = Sql.Command(c, null, "");
                cmd.CommandText = $"{select} ({cmd.InList(chunk)})";
                return List(cmd, read);
            }));
        }

        return rows;
    }

    // A story filter names the story now (a merged-away id reads its survivor); an unknown id matches nothing.
    private static string? StoryFilter(DbConnection c, KnowledgeQuery query) =>
        query.Story is null ? null : Resolve(c, query.Story) ?? query.Story;

    private T? One<T>(string sql, string id, Func<DbDataReader, T> read) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, sql).With("@id", id);
        return List(cmd, read).FirstOrDefault();
    });
}
