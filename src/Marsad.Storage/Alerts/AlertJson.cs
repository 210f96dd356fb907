using System.Text.Json;

namespace Marsad.Storage.Alerts;

/// <summary>
/// An alert as one JSON object, the same for JSON lines (<c>marsad alerts</c>), webhooks and the API: id, watchlist
/// (id and name), kind, subject, story, event, title, quote (the matching sentence), sources (document, outlet, url,
/// title, published, quote) in the order they came, created and updated; a webhook's adds its <c>delivery</c> id.
/// Compact, Arabic written as is (no HTML escaping: it is data; a page shows it as text).
/// </summary>
public static class AlertJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A time as alerts keep it: ISO 8601 in UTC to the millisecond (so the text orders as the time).</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string Write(StoredAlert a, string? watchlistName, string? delivery = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            if (delivery is not null)
            {
                w.WriteString("delivery", delivery);
            }

            w.WriteString("id", a.Id);
            w.WriteStartObject("watchlist");
            w.WriteString("id", a.Watchlist);
            w.WriteString("name", watchlistName);
            w.WriteEndObject();
            w.WriteString("kind", a.Kind);
            w.WriteString("subject", a.Subject);
            w.WriteString("story", a.Story);
            w.WriteString("event", a.Event);
            w.WriteString("title", a.Title);
            w.WriteString("quote", a.Quote);
            w.WriteStartArray("sources");
            foreach (var s in a.Sources)
            {
                w.WriteStartObject();
                w.WriteString("document", s.Document);
                w.WriteString("outlet", s.Outlet);
                w.WriteString("url", s.Url);
                w.WriteString("title", s.Title);
                w.WriteString("published", s.Published);
                w.WriteString("quote", s.Quote);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("created", a.Created);
            w.WriteString("updated", a.Updated);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
