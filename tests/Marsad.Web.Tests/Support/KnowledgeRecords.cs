using System.Text.Json;
using Marsad.Export;
using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests.Support;

/// <summary>A stored document as the test double keeps it: its list row and its contract JSON.</summary>
public sealed record StoredKnowledgeDocument(DocumentRow Row, string Json);

/// <summary>
/// The records a knowledge base holds, built from a <c>marsad.analysis/1</c> object as the engine's run would store
/// them: a document's story from the stories' members, an event's story, documents, outlets, country and coordinates
/// from its mentions and place, its ACLED row from <see cref="EventRows"/>, mention counts from the documents' entities.
/// </summary>
public sealed record KnowledgeRecords
{
    public IReadOnlyList<StoredKnowledgeDocument> Documents { get; init; } = [];

    public IReadOnlyList<StoryRecord> Stories { get; init; } = [];

    public IReadOnlyList<EventRecord> Events { get; init; } = [];

    public IReadOnlyList<EntityRecord> Entities { get; init; } = [];

    public IReadOnlyList<EntityMentionCount> Mentions { get; init; } = [];

    public IReadOnlyList<DiscrepancyRecord> Discrepancies { get; init; } = [];

    public IReadOnlyList<DuplicateRecord> Duplicates { get; init; } = [];

    public IReadOnlyList<FramingRecord> Framing { get; init; } = [];

    public IReadOnlyDictionary<string, string> Redirects { get; init; } = new Dictionary<string, string>();

    public static KnowledgeRecords FromAnalysis(string analysisJson, IReadOnlyList<FramingRecord> framing)
    {
        using var json = JsonDocument.Parse(analysisJson);
        var root = json.RootElement;
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in root.GetProperty("stories").EnumerateArray())
        {
            foreach (var d in s.GetProperty("documents").EnumerateArray())
            {
                storyOf.TryAdd(d.GetString()!, s.GetProperty("id").GetString()!);
            }
        }

        var documents = new List<StoredKnowledgeDocument>();
        var mentions = new List<EntityMentionCount>();
        foreach (var d in root.GetProperty("documents").EnumerateArray())
        {
            var id = Str(d, "id")!;
            documents.Add(new StoredKnowledgeDocument(
                new DocumentRow(id, Str(d, "title"), Str(d, "outlet"), Str(d, "published"), Str(d, "publishedFrom") ?? "none", storyOf.GetValueOrDefault(id), Str(d, "url"), (Str(d, "text") ?? "").Length),
                d.GetRawText()));
            mentions.AddRange(d.GetProperty("entities").EnumerateArray().Select(m => Str(m, "ref")).OfType<string>()
                .GroupBy(r => r, StringComparer.Ordinal).Select(g => new EntityMentionCount(g.Key, id, g.Count())));
        }

        var outletOf = documents.ToDictionary(d => d.Row.Id, d => d.Row.Outlet, StringComparer.Ordinal);
        var entities = root.GetProperty("entities").EnumerateArray()
            .Select(e => new EntityRecord(Str(e, "id")!, Str(e, "type") ?? "MISC", Str(e, "name") ?? Str(e, "id")!, Str(e, "country"), e.GetRawText()))
            .ToList();
        var entityJson = root.GetProperty("entities").EnumerateArray().ToDictionary(e => Str(e, "id")!, e => e, StringComparer.Ordinal);

        var rows = EventRows.FromAnalysis(System.Text.Json.Nodes.JsonNode.Parse(analysisJson)!).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var events = new List<EventRecord>();
        foreach (var e in root.GetProperty("events").EnumerateArray())
        {
            var id = Str(e, "id")!;
            var docs = e.GetProperty("mentions").EnumerateArray().Select(m => Str(m, "doc")!).Distinct(StringComparer.Ordinal).ToList();
            var place = Str(e, "place");
            var at = place is not null && entityJson.TryGetValue(place, out var p) ? p : default;
            var date = Str(e, "date");
            events.Add(new EventRecord(
                id,
                docs.Select(storyOf.GetValueOrDefault).FirstOrDefault(s => s is not null),
                Str(e, "type")!,
                date,
                date is null ? null : date.Length == 4 ? date + "-01-01" : date.Length == 7 ? date + "-01" : date,
                at.ValueKind == JsonValueKind.Object ? Str(at, "country") : null,
                place,
                at.ValueKind == JsonValueKind.Object ? Num(at, "lat") : null,
                at.ValueKind == JsonValueKind.Object ? Num(at, "lon") : null,
                e.TryGetProperty("killed", out var k) && k.ValueKind == JsonValueKind.Number ? k.GetInt32() : null,
                [.. Strings(e, "actors").Concat(Strings(e, "targets")).Distinct(StringComparer.Ordinal)],
                docs,
                [.. docs.Select(outletOf.GetValueOrDefault).OfType<string>().Distinct(StringComparer.Ordinal)],
                e.GetRawText(),
                JsonSerializer.Serialize(rows[id])));
        }

        var stories = new List<StoryRecord>();
        var discrepancies = new List<DiscrepancyRecord>();
        var n = 0;
        foreach (var x in root.GetProperty("discrepancies").EnumerateArray())
        {
            var doc = x.GetProperty("claims").EnumerateArray().Select(c => Str(c, "doc")).First()!;
            discrepancies.Add(new DiscrepancyRecord("d" + (++n).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), storyOf[doc], Str(x, "kind")!, x.GetRawText()));
        }

        foreach (var s in root.GetProperty("stories").EnumerateArray())
        {
            var id = Str(s, "id")!;
            var members = Strings(s, "documents");
            stories.Add(new StoryRecord(id, Str(s, "title") ?? id, Str(s, "first"), Str(s, "last"), members.Count,
                members.Select(outletOf.GetValueOrDefault).OfType<string>().Distinct(StringComparer.Ordinal).Count(),
                events.Count(e => e.Story == id), discrepancies.Count(d => d.Story == id), "", s.GetRawText()));
        }

        var duplicates = root.GetProperty("duplicates").EnumerateArray()
            .Select(d => new DuplicateRecord(Str(d, "a")!, Str(d, "b")!, d.GetProperty("similarity").GetDouble()))
            .ToList();
        return new KnowledgeRecords
        {
            Documents = documents,
            Stories = stories,
            Events = events,
            Entities = entities,
            Mentions = mentions,
            Discrepancies = discrepancies,
            Duplicates = duplicates,
            Framing = framing,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(v => v.GetString()!)] : [];
}
