using System.Text;
using Marsad.Export;
using Marsad.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web;

/// <summary>
/// The JSON API under <c>/api</c>. Rules: every list endpoint answers 200 (an empty list on an empty store); an unknown
/// id answers 404 (a document id may hold '/', raw or encoded); optional filters (story, type, limit) narrow a list; the exports are the contract object and a CSV
/// timeline. Every answer is read from the current snapshot, never from a file named by the request.
/// </summary>
public static class ApiEndpoints
{
    private const int MaxLimit = 1000;

    public static void MapMarsadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/stats", (SnapshotProvider p) => p.Current.Stats)
            .WithSummary("Counts of each contract section, and the engine version");

        api.MapGet("/documents", (SnapshotProvider p, string? story, int? limit) =>
                Limit(p.Current.Documents.Where(d => story is null || d.Story == story), limit))
            .WithSummary("The stored documents (optionally of one story)");

        // Catch-all: ids from RSS guids and JSON urls hold '/'; an encoded '/' reaches the route still encoded (%2F).
        api.MapGet("/documents/{**id}", Results<Ok<DocumentDetail>, NotFound> (SnapshotProvider p, string id) =>
                (p.Current.Document(id) ?? p.Current.Document(Uri.UnescapeDataString(id))) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound())
            .WithSummary("One document: text, annotation spans and its contract object");

        api.MapGet("/stories", (SnapshotProvider p) => p.Current.Stories)
            .WithSummary("The stories: documents, dates, outlets, discrepancy and event counts");

        api.MapGet("/stories/{id}", Results<Ok<StoryDetail>, NotFound> (SnapshotProvider p, string id) =>
                p.Current.Story(id) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound())
            .WithSummary("One story: sources, timeline, discrepancies, framing, events, near-duplicates");

        api.MapGet("/events", (SnapshotProvider p, string? story, string? type, int? limit) =>
                Limit(p.Current.Events.Where(e => (story is null || e.Stories.Contains(story)) && (type is null || e.Type == type)), limit))
            .WithSummary("The events (optionally of one story or type), each mention quoted");

        api.MapGet("/entities", (SnapshotProvider p, string? type, int? limit) =>
                Limit(p.Current.Entities.Where(e => type is null || e.Type == type), limit))
            .WithSummary("The entity catalogue with mention counts");

        api.MapGet("/entities/{id}", Results<Ok<EntityDetail>, NotFound> (SnapshotProvider p, string id) =>
                p.Current.Entity(id) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound())
            .WithSummary("One entity with its mentions quoted and its events");

        api.MapGet("/timeline", (SnapshotProvider p, string? story) =>
                p.Current.Timeline.Where(t => story is null || t.Story == story).ToList())
            .WithSummary("Dated entries: events, and each document's publication");

        api.MapGet("/discrepancies", (SnapshotProvider p, string? story) =>
                p.Current.Discrepancies.Where(d => story is null || d.Stories.Contains(story)).ToList())
            .WithSummary("Where sources disagree: quantities, dates, weekdays");

        api.MapGet("/duplicates", (SnapshotProvider p) => p.Current.Duplicates)
            .WithSummary("Near-duplicate document pairs");

        api.MapGet("/framing", (SnapshotProvider p, string? story) => p.Current.Framing(story))
            .WithSummary("Per outlet, the terms it uses for the same actor");

        api.MapGet("/map", (SnapshotProvider p, string? story) =>
                p.Current.Markers.Where(m => story is null || m.Stories.Contains(story)).ToList())
            .WithSummary("Map markers: events at their place, and the geocoded places the sources mention");

        api.MapGet("/search", Results<Ok<IReadOnlyList<SearchHit>>, BadRequest<string>> (SnapshotProvider p, string? q, int? limit) =>
            {
                try
                {
                    return TypedResults.Ok<IReadOnlyList<SearchHit>>(string.IsNullOrWhiteSpace(q) ? [] : p.Current.Search(q, Math.Clamp(limit ?? 50, 1, MaxLimit)));
                }
                catch (ArgumentException ex)
                {
                    // A query Lucene cannot take (too many words) is the caller's to fix: a 400 that says why, never a 500.
                    return TypedResults.BadRequest(ex.Message);
                }
            })
            .WithSummary("Documents ranked by relevance (Arabic search analyzer, BM25), with their best passage and matched words");

        api.MapGet("/export/analysis.json", (SnapshotProvider p) =>
                Shared(p.Current.Analysis, "application/json; charset=utf-8", "marsad-analysis.json"))
            .WithSummary("The whole analysis as the marsad.analysis/1 contract");

        api.MapGet("/export/events.csv", (SnapshotProvider p) =>
                Shared(p.Current.EventsCsv, "text/csv; charset=utf-8", "marsad-events.csv"))
            .WithSummary("The events as CSV with ACLED-style columns (as marsad export --csv)");

        api.MapGet("/export/events.geojson", (SnapshotProvider p) =>
                Shared(p.Current.EventsGeoJson, "application/geo+json", "marsad-events.geojson"))
            .WithSummary("The events as a GeoJSON FeatureCollection (as marsad export --geojson)");

        api.MapGet("/export/timeline.csv", (SnapshotProvider p, string? story) =>
                TypedResults.File(TimelineCsv(p.Current.Timeline.Where(t => story is null || t.Story == story)), "text/csv; charset=utf-8", "marsad-timeline.csv"))
            .WithSummary("The timeline as CSV (RFC 4180)");
    }

    /// <summary>
    /// A snapshot's export, shared by every download: streamed from the one copy in chunks, each sent before the next is
    /// read, so a slow client holds a chunk, not a copy (a byte-array result is copied whole into the response pipe).
    /// </summary>
    private static FileStreamHttpResult Shared(byte[] content, string contentType, string fileName) =>
        TypedResults.Stream(new MemoryStream(content, writable: false), contentType, fileName);

    private static List<T> Limit<T>(IEnumerable<T> items, int? limit) => items.Take(Math.Clamp(limit ?? MaxLimit, 0, MaxLimit)).ToList();

    private static byte[] TimelineCsv(IEnumerable<TimelineEntry> entries)
    {
        var sb = new StringBuilder("date,kind,story,doc,outlet,label,event,quote\r\n");
        foreach (var t in entries)
        {
            sb.AppendJoin(',', new[] { t.Date, t.Kind, t.Story, t.Doc, t.Outlet, t.Label, t.Event, t.Quote }.Select(CsvExporter.TextField)).Append("\r\n");
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }
}
