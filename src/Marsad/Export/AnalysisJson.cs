using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>
/// Writes the <c>marsad.analysis/1</c> contract (see the contract document): one object per document,
/// and the whole analysis with its corpus-level sections. Arabic is written as is, not \u-escaped,
/// so the file stays readable; HTML escaping is the dashboard's job, not the file's.
/// </summary>
public static class AnalysisJson
{
    public const string Schema = "marsad.analysis/1";

    /// <summary>
    /// Bytes the writer of a whole analysis holds before it passes them on to the stream (small: serve streams the
    /// analysis to many clients at once, each holding this much).
    /// </summary>
    private const int FlushBytes = 1 << 16;

    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The document's contract object as JSON text.</summary>
    public static string DocumentJson(Document document)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096 + document.Text.Length * 3);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteDocument(writer, document);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteDocument(Utf8JsonWriter w, Document d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        WriteNullable(w, "title", d.Title);
        WriteNullable(w, "outlet", d.Outlet);
        WriteNullable(w, "published", d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("publishedFrom", ContractNames.Of(d.PublishedFrom));
        w.WriteString("language", d.Language);
        w.WriteString("source", d.SourcePath);
        WriteNullable(w, "url", d.Url);
        w.WriteString("encoding", d.Encoding);
        w.WriteString("contentHash", d.ContentHash);
        w.WriteString("text", d.Text);

        w.WriteStartArray("removed");
        foreach (var r in d.Removed)
        {
            w.WriteStartObject();
            w.WriteString("text", r.Text);
            w.WriteString("reason", ContractNames.Of(r.Reason));
            w.WriteEndObject();
        }

        w.WriteEndArray();

        foreach (var layer in DocumentLayerWriters.All)
        {
            w.WritePropertyName(layer.Property);
            layer.Write(w, d);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the whole analysis: the documents (already serialized, e.g. read back from the store) and
    /// the corpus-level sections, each written by its own callback (empty arrays when null).
    /// </summary>
    public static void WriteAnalysis(Stream output, IEnumerable<string> documentJsons, CorpusSections? corpus = null)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions with { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartArray("documents");
        foreach (var json in documentJsons)
        {
            w.WriteRawValue(json, skipInputValidation: true);

            // The writer keeps what it writes until flushed: flushed as it goes, a large analysis never sits whole in memory.
            if (w.BytesPending >= FlushBytes)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        WriteSection(w, "entities", corpus?.Entities);
        WriteSection(w, "events", corpus?.Events);
        WriteSection(w, "stories", corpus?.Stories);
        WriteSection(w, "duplicates", corpus?.Duplicates);
        WriteSection(w, "discrepancies", corpus?.Discrepancies);
        w.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter w, string name, Action<Utf8JsonWriter>? write)
    {
        w.WritePropertyName(name);
        if (write is null)
        {
            w.WriteStartArray();
            w.WriteEndArray();
        }
        else
        {
            write(w);
        }

        w.Flush();
    }

    internal static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
