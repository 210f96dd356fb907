using System.Text.Json;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>The rows the knowledge base keeps as JSON (an event's ACLED row, a story's framing rows), read back whatever their name casing.</summary>
public static class KnowledgeRowJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static EventRow? Event(EventRecord record) => JsonSerializer.Deserialize<EventRow>(record.RowJson, Options);

    public static IReadOnlyList<FramingRow> Framing(FramingRecord? record) =>
        record is null ? [] : JsonSerializer.Deserialize<List<FramingRow>>(record.Json, Options) ?? [];
}
