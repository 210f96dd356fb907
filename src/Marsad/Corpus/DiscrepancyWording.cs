using System.Globalization;
using Marsad.Arabic;
using Marsad.Extract.Places;

namespace Marsad.Corpus;

/// <summary>
/// Says a discrepancy in Arabic words a reader understands ("عدد القتلى في الغارة على صعدة: 29 (بي بي سي عربي) / 39
/// (فرانس 24)"), from the names of counts (<c>data/ar/quantities/unit-names.tsv</c>), of event types
/// (<c>data/ar/events/type-names.tsv</c>) and the gazetteer's Arabic place names; never internal keys.
/// </summary>
public sealed class DiscrepancyWording(IReadOnlyDictionary<string, string> units, IReadOnlyDictionary<string, string> types, Gazetteer gazetteer)
{
    private static readonly Lazy<DiscrepancyWording> DefaultInstance = new(() => new DiscrepancyWording(
        Table("ar", "quantities", "unit-names.tsv"), Table("ar", "events", "type-names.tsv"), Gazetteer.Default));

    public static DiscrepancyWording Default => DefaultInstance.Value;

    /// <summary>"عدد القتلى" for a unit; the unit itself when the table does not name it.</summary>
    public string Count(string unit) => units.GetValueOrDefault(unit, unit);

    /// <summary>"الغارة على صعدة" for an event type and a place ref; the bare noun ("الغارة") without a known place.</summary>
    public string Event(string type, string? place)
    {
        var phrase = types.GetValueOrDefault(type, type);
        var name = PlaceName(place);
        return name is null ? phrase.Split(' ')[0] : phrase + " " + name;
    }

    /// <summary>The Arabic name of a place ref, or null.</summary>
    public string? PlaceName(string? place) => place is null ? null : gazetteer.Get(place)?.Name;

    /// <summary>"subject: 29 (بي بي سي عربي) / 39 (فرانس 24)".</summary>
    public static string WithClaims(string subject, IEnumerable<(string Value, string Source)> claims) =>
        subject + ": " + string.Join(" / ", claims.Select(c => c.Value + " (" + c.Source + ")"));

    /// <summary>A number as a reader writes it ("2500", "~2500" for an approximate one).</summary>
    public static string Number(decimal value, bool approx) =>
        (approx ? "~" : "") + value.ToString("0.##", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Table(params string[] parts)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in TsvLexicon.ReadData(parts).Where(r => r.Length >= 2))
        {
            table.TryAdd(row[0], row[1]);
        }

        return table;
    }
}
