using System.Text.Json;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>
/// The document-level annotation arrays of the contract, in contract order. Each stage that adds a
/// layer adds its writer here; a layer no annotator produced is written as an empty array so the
/// shape of the contract never changes.
/// </summary>
public static class DocumentLayerWriters
{
    public static IReadOnlyList<DocumentLayerWriter> All { get; } =
    [
        new("times", WriteTimes),
        new("entities", EntityJson.WriteMentions),
        new("quantities", QuantityJson.WriteMentions),
        new("quotes", QuoteJson.WriteMentions),
    ];

    private static void WriteTimes(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray();
        foreach (var t in d.Get(Layers.Times))
        {
            w.WriteStartObject();
            w.WriteString("text", t.Span.Slice(d.Text));
            w.WriteNumber("start", t.Span.Start);
            w.WriteNumber("end", t.Span.End);
            w.WriteString("kind", ContractNames.Of(t.Kind));
            AnalysisJson.WriteNullable(w, "value", t.Value);
            if (t.Mod is not null)
            {
                w.WriteString("mod", t.Mod);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

/// <summary>Writes one named array of a document's contract object.</summary>
public sealed record DocumentLayerWriter(string Property, Action<Utf8JsonWriter, Document> Write);
