using System.Text;
using System.Text.Json;
using Marsad.Export;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;

namespace Marsad.Web.Views;

/// <summary>
/// The downloads, written from the store page by page as they are sent: a download holds a page and a write buffer,
/// never the whole answer.
/// </summary>
internal static class Exports
{
    private const int FlushBytes = 1 << 16;

    /// <summary>The whole knowledge base as the <c>marsad.analysis/1</c> contract (documents, entities, events, stories, duplicates, discrepancies).</summary>
    public static void Analysis(Stream output, IKnowledgeReader reader)
    {
        var all = new KnowledgeQuery { Limit = KnowledgeQuery.MaxLimit };
        AnalysisJson.WriteAnalysis(
            output,
            KnowledgeReaders.All(reader.Documents, all).Select(d => reader.DocumentJson(d.Id)).OfType<string>(),
            new CorpusSections
            {
                Entities = w => Raw(w, KnowledgeReaders.All(reader.Entities, all).Select(e => e.Entity.Json)),
                Events = w => Raw(w, KnowledgeReaders.All(reader.Events, all).Select(e => e.Json)),
                Stories = w => Raw(w, KnowledgeReaders.All(reader.Stories, all).Select(s => s.Json)),
                Duplicates = w =>
                {
                    w.WriteStartArray();
                    foreach (var d in KnowledgeReaders.All(reader.Duplicates, all))
                    {
                        w.WriteStartObject();
                        w.WriteString("a", d.A);
                        w.WriteString("b", d.B);
                        w.WriteNumber("similarity", d.Similarity);
                        w.WriteEndObject();
                        Flush(w);
                    }

                    w.WriteEndArray();
                },
                Discrepancies = w => Raw(w, KnowledgeReaders.All(reader.Discrepancies, all).Select(d => d.Json)),
            });
    }

    /// <summary>The ACLED-style rows of the events <paramref name="query"/> selects, all of them (its limit and cursor are ignored).</summary>
    public static IEnumerable<EventRow> EventRows(IKnowledgeReader reader, KnowledgeQuery query) =>
        KnowledgeReaders.All(reader.Events, query with { Cursor = null, Limit = KnowledgeQuery.MaxLimit }).Select(KnowledgeRowJson.Event).OfType<EventRow>();

    /// <summary>Timeline entries as CSV (RFC 4180, formulas neutralized), with a UTF-8 mark for Excel.</summary>
    public static void TimelineCsv(Stream output, IEnumerable<TimelineEntry> entries)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), FlushBytes, leaveOpen: true);
        writer.Write("date,kind,story,doc,outlet,label,event,quote\r\n");
        foreach (var t in entries)
        {
            writer.Write(string.Join(',', new[] { t.Date, t.Kind, t.Story, t.Doc, t.Outlet, t.Label, t.Event, t.Quote }.Select(CsvExporter.TextField)));
            writer.Write("\r\n");
        }
    }

    private static void Raw(Utf8JsonWriter w, IEnumerable<string> objects)
    {
        w.WriteStartArray();
        foreach (var json in objects)
        {
            w.WriteRawValue(json, skipInputValidation: true);
            Flush(w);
        }

        w.WriteEndArray();
    }

    private static void Flush(Utf8JsonWriter w)
    {
        if (w.BytesPending >= FlushBytes)
        {
            w.Flush();
        }
    }
}
