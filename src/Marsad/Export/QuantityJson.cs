using System.Text.Json;
using Marsad.Extract.Quantities;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>Writes a document's <c>quantities</c>: text, start, end, value, approx, unit.</summary>
public static class QuantityJson
{
    public static void WriteMentions(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray();
        foreach (var q in d.Get(QuantityLayers.Quantities))
        {
            w.WriteStartObject();
            w.WriteString("text", q.Span.Slice(d.Text));
            w.WriteNumber("start", q.Span.Start);
            w.WriteNumber("end", q.Span.End);
            w.WriteNumber("value", q.Value);
            w.WriteBoolean("approx", q.Approx);
            w.WriteString("unit", q.Unit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
