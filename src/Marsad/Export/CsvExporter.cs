using System.Globalization;
using System.Text;

namespace Marsad.Export;

/// <summary>
/// Writes events as CSV in ACLED's columns and codes (event_id_cnty, event_date, time_precision, event_type,
/// sub_event_type, actor1, actor2, country, admin1, admin2, location, latitude, longitude, geo_precision, source, notes,
/// fatalities; see <see cref="AcledCoding"/>). RFC 4180: comma-separated, CRLF line ends,
/// fields with a comma, quote or line break quoted with doubled quotes; UTF-8 with a byte order mark so that Excel
/// reads Arabic names; numbers in the invariant culture. A text field that starts like a formula (=, +, -, @, tab,
/// carriage return) gets a leading apostrophe, so a spreadsheet shows article text as text and never runs it.
/// </summary>
public static class CsvExporter
{
    public static readonly IReadOnlyList<string> Columns =
        ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
            "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"];

    public static void Write(Stream stream, IEnumerable<EventRow> rows)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        w.WriteLine(string.Join(',', Columns));
        foreach (var r in rows)
        {
            w.WriteLine(string.Join(',', new[]
            {
                TextField(r.Id), TextField(r.EventDate), Number(r.TimePrecision), TextField(r.EventType), TextField(r.SubEventType),
                TextField(r.Actor1), TextField(r.Actor2), TextField(r.Country), TextField(r.Admin1), TextField(r.Admin2),
                TextField(r.Location), Number(r.Latitude), Number(r.Longitude), Number(r.GeoPrecision), TextField(r.Source),
                TextField(r.Notes), r.Fatalities.ToString(CultureInfo.InvariantCulture),
            }));
        }
    }

    private static string Number(double? value) => value is { } v ? Math.Round(v, 5).ToString("0.#####", CultureInfo.InvariantCulture) : "";

    /// <summary>A text field: formula starts neutralized, quoted (quotes doubled) when it holds a comma, quote or line break.</summary>
    public static string TextField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
