using System.Globalization;
using System.Text.Json.Nodes;
using Marsad.Extract.Places;

namespace Marsad.Export;

/// <summary>
/// Reads the events of a <c>marsad.analysis/1</c> JSON as <see cref="EventRow"/>s. Rules: names come from the
/// analysis's <c>entities</c> (English name, else Arabic name, else the ref); the source lists the distinct outlets of
/// the documents that mention the event; types, precisions and administrative units are ACLED's
/// (<see cref="AcledCoding"/>), the contract's own type is kept in the notes.
/// </summary>
public static class EventRows
{
    public static IReadOnlyList<EventRow> FromAnalysis(JsonNode analysis)
    {
        var entities = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var e in analysis["entities"]?.AsArray() ?? [])
        {
            if (Str(e?["id"]) is { } id)
            {
                entities[id] = e!;
            }
        }

        var documents = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var d in analysis["documents"]?.AsArray() ?? [])
        {
            if (Str(d?["id"]) is { } id)
            {
                documents[id] = d!;
            }
        }

        return (analysis["events"]?.AsArray() ?? []).OfType<JsonNode>().Select(ev => Row(ev, entities, documents)).ToList();
    }

    /// <summary>
    /// One event's row, from its contract object, the catalogue entries by id and the documents by id (only their
    /// <c>outlet</c> and <c>text</c> are read).
    /// </summary>
    public static EventRow Row(JsonNode ev, IReadOnlyDictionary<string, JsonNode> entities, IReadOnlyDictionary<string, JsonNode> documents)
    {
        var type = Str(ev["type"]) ?? "";
        var weapons = Strings(ev["weapons"]).ToList();
        var place = Str(ev["place"]) is { } p ? entities.GetValueOrDefault(p) : null;
        var mentions = (ev["mentions"]?.AsArray() ?? []).OfType<JsonNode>().ToList();
        var docs = mentions.Select(m => Str(m["doc"])).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var outlets = docs.Select(d => Str(documents.GetValueOrDefault(d)?["outlet"])).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var triggers = mentions.Select(m => Trigger(documents, m)).OfType<string>().Distinct(StringComparer.Ordinal).Take(5);
        var notes = string.Create(CultureInfo.InvariantCulture, $"{docs.Count} document(s), {outlets.Count} outlet(s); {type}, cameo {Str(ev["cameo"])}; {string.Join(" / ", triggers)}; {string.Join(" ", docs)}");
        var (acledType, acledSubType) = AcledCoding.Type(type, weapons, Str(ev["cameo"]));
        var known = Str(ev["place"]) is { } placeId ? Gazetteer.Default.Get(placeId) : null;
        var (country, admin1, admin2) = AcledCoding.Admin(Gazetteer.Default, known);
        if (country.Length == 0 && Str(place?["country"]) is { } code)
        {
            country = Name(entities, "cc-" + code.ToLowerInvariant()) is { Length: > 3 } n ? n : code;
        }

        return new EventRow(
            Str(ev["id"]) ?? "",
            Str(ev["date"]),
            acledType,
            acledSubType,
            Name(entities, Strings(ev["actors"]).FirstOrDefault()),
            Name(entities, Strings(ev["targets"]).FirstOrDefault()),
            place is null ? "" : Name(entities, Str(place["id"])),
            Num(place?["lat"]),
            Num(place?["lon"]),
            string.Join("; ", outlets),
            notes,
            Int(ev["killed"]) ?? 0,
            AcledCoding.TimePrecision(Str(ev["date"])),
            country,
            admin1,
            admin2,
            place is null ? null : AcledCoding.GeoPrecision(known) ?? (Str(place["kind"]) == "country" ? 3 : 1));
    }

    private static string? Trigger(IReadOnlyDictionary<string, JsonNode> documents, JsonNode mention)
    {
        if (Str(mention["doc"]) is not { } doc || Str(documents.GetValueOrDefault(doc)?["text"]) is not { } text
            || Int(mention["start"]) is not { } start || Int(mention["end"]) is not { } end || start < 0 || end > text.Length || end <= start)
        {
            return null;
        }

        return text[start..end];
    }

    private static string Name(IReadOnlyDictionary<string, JsonNode> entities, string? id)
    {
        if (id is null)
        {
            return "";
        }

        var e = entities.GetValueOrDefault(id);
        return Str(e?["nameEn"]) ?? Str(e?["name"]) ?? id;
    }

    private static IEnumerable<string> Strings(JsonNode? n) => (n as JsonArray ?? []).Select(Str).OfType<string>();

    private static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Num(JsonNode? n) =>
        n is JsonValue v && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static int? Int(JsonNode? n) => Num(n) is { } d ? (int)d : null;
}
