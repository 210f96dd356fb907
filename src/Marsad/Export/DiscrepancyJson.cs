using System.Text.Json;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>Writes the contract's top-level <c>discrepancies</c> array.</summary>
public static class DiscrepancyJson
{
    public static void Write(Utf8JsonWriter w, IEnumerable<Discrepancy> discrepancies)
    {
        w.WriteStartArray();
        foreach (var d in discrepancies)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind);
            w.WriteString("subject", d.Subject);
            w.WriteStartArray("claims");
            foreach (var c in d.Claims)
            {
                w.WriteStartObject();
                w.WriteString("doc", c.Doc);
                w.WriteString("text", c.Text);
                w.WriteString("value", c.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
