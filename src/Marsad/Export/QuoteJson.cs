using System.Text.Json;
using Marsad.Extract.Quotes;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>Writes a document's <c>quotes</c>: start, end (of the quoted words), cue, speaker and via (entity refs or null).</summary>
public static class QuoteJson
{
    public static void WriteMentions(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray();
        foreach (var q in d.Get(QuoteLayers.Quotes))
        {
            w.WriteStartObject();
            w.WriteNumber("start", q.Span.Start);
            w.WriteNumber("end", q.Span.End);
            w.WriteString("cue", q.Cue);
            AnalysisJson.WriteNullable(w, "speaker", q.Speaker);
            AnalysisJson.WriteNullable(w, "via", q.Via);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
