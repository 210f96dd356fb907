using System.Data.Common;
using System.Text.Json;
using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>The columns each kind of record is selected with (same names on both stores) and the record read back.</summary>
internal static class KnowledgeRecords
{
    public const string StoryColumns = "s.id, s.title, s.first_date, s.last_date, s.documents, s.outlets, s.events, s.discrepancies, s.state, s.json";

    public const string EventColumns =
        "e.id, e.story_id, e.type, e.date, e.day, e.country, e.place, e.lat, e.lon, e.killed, e.actors, e.documents, e.outlets, e.json, e.row_json";

    public const string EntityColumns = "n.id, n.type, n.name, n.country, n.json, n.mentions, n.documents";

    public const string DocumentColumns =
        "d.id, d.title, d.outlet, d.published, d.published_from, d.story_id, d.url, LENGTH(d.text)";

    public static StoryRecord Story(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Date(r.GetString(2)), Date(r.GetString(3)),
        r.Int(4), r.Int(5), r.Int(6), r.Int(7), r.GetString(8), r.GetString(9));

    public static EventRecord Event(DbDataReader r) => new(
        r.GetString(0), r.NullableString(1), r.GetString(2), r.NullableString(3), Date(r.GetString(4)),
        r.NullableString(5), r.NullableString(6),
        r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8), r.IsDBNull(9) ? null : r.Int(9),
        List(r.GetString(10)), List(r.GetString(11)), List(r.GetString(12)), r.GetString(13), r.GetString(14));

    public static EntityRow Entity(DbDataReader r) => new(
        new EntityRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.GetString(4)), r.Int(5), r.Int(6));

    public static DocumentRow Document(DbDataReader r) => new(
        r.GetString(0), r.NullableString(1), r.NullableString(2), r.NullableString(3), r.GetString(4), r.NullableString(5),
        r.NullableString(6), r.IsDBNull(7) ? 0 : r.Int(7));

    public static DiscrepancyRecord Discrepancy(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    public static DuplicateRecord Duplicate(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetDouble(2));

    /// <summary>A story's or event's date column: '' stands for "no date".</summary>
    public static string DateColumn(string? date) => date ?? "";

    /// <summary>Days from <paramref name="first"/> to <paramref name="last"/> (ISO days), or null when either is not a day.</summary>
    public static int? SpanDays(string? first, string? last) =>
        DateOnly.TryParseExact(first, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var f)
        && DateOnly.TryParseExact(last, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var l)
            ? Math.Max(0, l.DayNumber - f.DayNumber)
            : null;

    public static string ListJson(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray());

    public static byte[] Signature(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    public static uint[] Signature(byte[] bytes)
    {
        var signature = new uint[bytes.Length / 4];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return signature;
    }

    private static string? Date(string column) => column.Length == 0 ? null : column;

    private static string[] List(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
