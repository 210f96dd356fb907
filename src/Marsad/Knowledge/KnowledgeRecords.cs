using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Knowledge;

/// <summary>
/// Turns what a run computed into the records a knowledge base keeps: each record's JSON is its object of the analysis
/// contract, written by the contract's own writers, and an event's ACLED row is made by <see cref="EventRows.Row"/> from
/// that object, the catalogue and the documents that mention it.
/// </summary>
internal sealed class KnowledgeRecords
{
    /// <summary>Rows (ACLED rows, framing rows) as JSON with their own property names, Arabic written as is.</summary>
    private static readonly JsonSerializerOptions RowOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, CatalogEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _entityNodes = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, Document> _documents;

    public KnowledgeRecords(IEnumerable<CatalogEntity> entities, IReadOnlyDictionary<string, Document> documents)
    {
        foreach (var e in entities)
        {
            _entities[e.Id] = e;
        }

        _documents = documents;
    }

    public static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, AnalysisJson.WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public EntityRecord Entity(CatalogEntity e) => new(e.Id, e.Type, e.Name, e.Country, Json(w => EntityJson.WriteEntity(w, e)));

    public StoryRecord Story(Story s, StoryState state, int events, int discrepancies) => new(
        s.Id,
        s.Title,
        Iso(s.First),
        Iso(s.Last),
        s.Documents.Count,
        s.Documents.Select(d => _documents.GetValueOrDefault(d)?.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count(),
        events,
        discrepancies,
        state.ToJson(),
        Json(w => CorpusJson.WriteStory(w, s)));

    public EventRecord Event(CorpusEvent e, string story)
    {
        var json = Json(w => EventJson.WriteEvent(w, e));
        // The row reads only the outlet and text of the documents that mention the event.
        var mentioned = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var m in e.Mentions)
        {
            if (!mentioned.ContainsKey(m.Doc) && _documents.TryGetValue(m.Doc, out var d))
            {
                mentioned[m.Doc] = new JsonObject { ["outlet"] = d.Outlet, ["text"] = d.Text };
            }
        }

        var row = EventRows.Row(JsonNode.Parse(json)!, new EntityNodes(this), mentioned);
        var place = e.Place is { } p ? _entities.GetValueOrDefault(p) : null;
        var documents = e.Mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).ToList();
        return new EventRecord(
            e.Id,
            story,
            e.Type,
            e.Date,
            FirstDay(e.Date),
            place?.Country,
            e.Place,
            place?.Lat,
            place?.Lon,
            e.Killed,
            [.. e.Actors.Concat(e.Targets).Distinct(StringComparer.Ordinal)],
            documents,
            [.. documents.Select(d => _documents.GetValueOrDefault(d)?.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            json,
            JsonSerializer.Serialize(row, RowOptions));
    }

    public static FramingRecord Framing(string story, IReadOnlyList<FramingRow> rows) => new(story, JsonSerializer.Serialize(rows, RowOptions));

    public static DiscrepancyRecord Discrepancy(string id, string story, Discrepancy d) =>
        new(id, story, d.Kind, Json(w => CorpusJson.WriteDiscrepancies(w, [d]))[1..^1]);

    /// <summary>What makes a discrepancy itself, for its id: kind, subject and the claims' documents and spans.</summary>
    public static string Signature(Discrepancy d) =>
        d.Kind + "\n" + d.Subject + "\n" + string.Join("\n", d.Claims.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Doc}:{c.Span.Start}:{c.Value}")));

    /// <summary>The first day an event date covers: a day, the first of a month or a year, the Monday of an ISO week.</summary>
    public static string? FirstDay(string? date)
    {
        if (date is null)
        {
            return null;
        }

        if (date.Length == 10)
        {
            return date;
        }

        if (date.Length == 7 && date[4] == '-')
        {
            return date + "-01";
        }

        if (date.Length == 4)
        {
            return date + "-01-01";
        }

        var w = date.IndexOf("-W", StringComparison.Ordinal);
        if (w == 4 && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(date.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 53)
        {
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private JsonNode? EntityNode(string id)
    {
        if (_entityNodes.TryGetValue(id, out var node))
        {
            return node;
        }

        if (!_entities.TryGetValue(id, out var e))
        {
            // Country names ("cc-iq") are looked up even when no document names the country.
            if (Marsad.Extract.Places.Gazetteer.Default.Get(id) is not { } place)
            {
                return null;
            }

            e = new CatalogEntity(place.Id, place.Type, place.Name, place.NameEn, [], place.Lat, place.Lon, place.Country, place.Kind);
        }

        return _entityNodes[id] = JsonNode.Parse(Json(w => EntityJson.WriteEntity(w, e)))!;
    }

    /// <summary>The catalogue as the read-only map <see cref="EventRows.Row"/> reads, parsed only for the ids it asks for.</summary>
    private sealed class EntityNodes(KnowledgeRecords records) : IReadOnlyDictionary<string, JsonNode>
    {
        public JsonNode this[string key] => records.EntityNode(key) ?? throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => records._entities.Keys;

        public IEnumerable<JsonNode> Values => Keys.Select(k => this[k]);

        public int Count => records._entities.Count;

        public bool ContainsKey(string key) => records.EntityNode(key) is not null;

        public bool TryGetValue(string key, out JsonNode value)
        {
            var node = records.EntityNode(key);
            value = node!;
            return node is not null;
        }

        public IEnumerator<KeyValuePair<string, JsonNode>> GetEnumerator() =>
            Keys.Select(k => new KeyValuePair<string, JsonNode>(k, this[k])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
