using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marsad.Export;

/// <summary>
/// Writes events as a GeoJSON FeatureCollection (RFC 7946): one Feature per event, a Point geometry at [longitude,
/// latitude] (WGS 84) or a null geometry when the event has no place with coordinates, and the CSV's columns as
/// properties. UTF-8 without escaping of Arabic, so QGIS and a text editor show the names.
/// </summary>
public static class GeoJsonExporter
{
    public static void Write(Stream stream, IEnumerable<EventRow> rows)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", r.Id);
            if (r.Latitude is { } lat && r.Longitude is { } lon)
            {
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(Math.Round(lon, 5));
                w.WriteNumberValue(Math.Round(lat, 5));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("geometry");
            }

            w.WriteStartObject("properties");
            w.WriteString("event_id_cnty", r.Id);
            AnalysisJson.WriteNullable(w, "event_date", r.EventDate);
            WriteNullable(w, "time_precision", r.TimePrecision);
            WriteNullable(w, "geo_precision", r.GeoPrecision);
            w.WriteString("event_type", r.EventType);
            w.WriteString("sub_event_type", r.SubEventType);
            w.WriteString("actor1", r.Actor1);
            w.WriteString("actor2", r.Actor2);
            w.WriteString("country", r.Country);
            w.WriteString("admin1", r.Admin1);
            w.WriteString("admin2", r.Admin2);
            w.WriteString("location", r.Location);
            w.WriteString("source", r.Source);
            w.WriteString("notes", r.Notes);
            w.WriteNumber("fatalities", r.Fatalities);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNullable(System.Text.Json.Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
