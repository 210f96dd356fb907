using Marsad.Analysis;
using Marsad.Export;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using Marsad.Web.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web;

/// <summary>
/// The JSON API under <c>/api</c>, read per request from the store's knowledge base (<see cref="IKnowledgeReader"/>).
/// Rules: a list answers one page <c>{ "items": [...], "next": cursor | null }</c> (an empty page on an empty store) and
/// takes <c>limit</c> and <c>cursor</c> and the filters of <see cref="ListFilters"/> that apply to it; a bad filter or
/// cursor answers 400 with the reason; an unknown id answers 404 (a document id may hold '/', raw or encoded); a detail
/// reads only what it shows; the downloads are written from the store page by page. Nothing is read from a file named
/// by the request.
/// </summary>
public static class ApiEndpoints
{
    private const string Json = "application/json; charset=utf-8";

    // An event's own page quotes more of its mentions than a list line does.
    private const int EventMentions = 20;

    public static void MapMarsadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/stats", (IKnowledgeReader r) => Stats(r.Stats()))
            .WithSummary("Counts of each kind, the engine version and the versions that analyzed the stored documents");

        api.MapGet("/sources", (IKnowledgeReader r) => new Page<SourceView>([.. r.Sources().Select(SourceView.Of)], null))
            .WithSummary("The health of every watched source (marsad watch): last fetch, new items, errors, next poll");

        api.MapGet("/documents", ([AsParameters] ListFilters f, IKnowledgeReader r) =>
                Answer(f, q => Map(r.Documents(q), DocumentViews.Of)))
            .WithSummary("The stored documents, newest first (filters: story, from, to, outlet)");

        // Catch-all: ids from RSS guids and JSON urls hold '/'; an encoded '/' reaches the route still encoded (%2F).
        api.MapGet("/documents/{**id}", Results<Ok<DocumentDetail>, NotFound> (ReadCache cache, string id, string? story) =>
                (cache.Document(id, story) ?? cache.Document(Uri.UnescapeDataString(id), story)) is { } d
                    ? TypedResults.Ok(DocumentViews.Detail(d, cache))
                    : TypedResults.NotFound())
            .WithSummary("One document: text, annotation spans (with its story's event mentions when story= names it) and its contract object");

        api.MapGet("/stories", ([AsParameters] ListFilters f, IKnowledgeReader r) =>
                Answer(f, q => Map(r.Stories(q), StoryViews.Of)))
            .WithSummary("The stories, most recent first: dates and counts of documents, outlets, discrepancies, events (filters: from, to, outlet)");

        api.MapGet("/stories/{id}", Results<Ok<StoryDetail>, NotFound> (ReadCache cache, string id) =>
                cache.Reader.Story(id) is { } s ? TypedResults.Ok(StoryViews.Detail(s, cache)) : TypedResults.NotFound())
            .WithSummary("One story (a merged-away id answers its survivor): first sources, timeline, discrepancies, framing, first events, near-duplicates");

        api.MapGet("/events", ([AsParameters] ListFilters f, ReadCache cache) =>
                Answer(f, q => MapPage(cache.Reader.Events(q), events => EventViews.Of(events, cache))))
            .WithSummary("The events, newest first, each with its first mentions quoted (filters: story, from, to, outlet, country, actor, type)");

        api.MapGet("/events/{id}", Results<Ok<EventView>, NotFound> (ReadCache cache, string id) =>
                cache.Reader.Event(id) is { } e ? TypedResults.Ok(EventViews.Of(e, cache, quoted: EventMentions)) : TypedResults.NotFound())
            .WithSummary("One event (its permalink): actors, targets and place named, its first 20 mentions quoted");

        api.MapGet("/entities", (IKnowledgeReader r, string? type, int? limit, string? cursor) =>
                Answer(new ListFilters { Type = type, Limit = limit, Cursor = cursor }, q => Map(r.Entities(q with { Type = q.Type?.ToUpperInvariant() }), EntityViews.Of)))
            .WithSummary("The entity catalogue, most mentioned first (filter: type)");

        api.MapGet("/entities/{id}", Results<Ok<EntityDetail>, NotFound, BadRequest<string>> (ReadCache cache, string id, int? limit, string? cursor) =>
            {
                if (cache.Entity(id) is not { } e)
                {
                    return TypedResults.NotFound();
                }

                try
                {
                    return TypedResults.Ok(EntityMentions.Detail(e, cache, cursor, Math.Clamp(limit ?? 20, 1, KnowledgeQuery.MaxLimit)));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    return TypedResults.BadRequest(ex.Message);
                }
            })
            .WithSummary("One entity: a page of its mentions quoted (limit, cursor), and its first events");

        api.MapGet("/timeline", ([AsParameters] ListFilters f, ReadCache cache, string? kind) =>
                Answer(f, q => Timeline(cache, q, kind)))
            .WithSummary("Dated entries, newest first: events (kind=event, the default) or documents' publications (kind=document)");

        api.MapGet("/discrepancies", (IKnowledgeReader r, ReadCache cache, string? story, int? limit, string? cursor) =>
                Answer(new ListFilters { Story = story, Limit = limit, Cursor = cursor }, q => MapPage(r.Discrepancies(q), items => DiscrepancyViews.Of(items, cache))))
            .WithSummary("Where sources disagree: quantities, dates, weekdays (filter: story)");

        api.MapGet("/duplicates", (IKnowledgeReader r, string? story, int? limit, string? cursor) =>
                Answer(new ListFilters { Story = story, Limit = limit, Cursor = cursor }, q => Map(r.Duplicates(q), d => new DuplicateView(d.A, d.B, d.Similarity))))
            .WithSummary("Near-duplicate document pairs (filter: story)");

        api.MapGet("/framing", (IKnowledgeReader r, string? story) =>
                KnowledgeRowJson.Framing(story is null ? null : r.Framing(story)))
            .WithSummary("Per outlet, the terms one story's sources use for the same actor");

        api.MapGet("/map", ([AsParameters] ListFilters f, ReadCache cache) =>
                Answer(f, q => Markers(cache, q)))
            .WithSummary("Map markers of one page of events (those at a known place), with their quotes (filters as /api/events)");

        api.MapGet("/places", (ReadCache cache, string? type, int? limit, string? cursor) =>
                Answer(new ListFilters { Type = type ?? "GPE", Limit = limit ?? 500, Cursor = cursor }, q => Places(cache, q with { Type = q.Type?.ToUpperInvariant() })))
            .WithSummary("Map markers of the geocoded places the documents mention (type: GPE, the default, LOC or FAC), most mentioned first, a page at a time");

        // A trend over the whole store counts all of it: the answer is kept until the store changes.
        api.MapGet("/trends", ([AsParameters] ListFilters f, ReadCache cache, TrendCache trends, string? dimension, string? bucket, int? keys) =>
                Trend(f, q => trends.Answer(cache.Reader, q, dimension, bucket, keys, () => TrendViews.Of(cache, q, dimension, bucket, keys))))
            .WithSummary("Counts per day or week (bucket=day|week, chosen by the span when absent) of events by type, actor or place, or of documents by outlet (dimension=type|actor|place|outlet), for the keys counted most (keys, at most 12); filters as /api/events");

        api.MapGet("/search", (StoreSearch search, IKnowledgeReader r, string? q, string? type, string? from, string? to, string? outlet, int? limit, string? cursor) =>
                Answer(new ListFilters { Type = type, From = from, To = to, Outlet = outlet, Limit = limit, Cursor = cursor }, query => SearchViews.Search(search, r, q, query)))
            .WithSummary("Documents ranked by relevance (Arabic search analyzer, BM25, title and phrase matches first, actors by any alias), with date, outlet, best passage and matched words, and the number of hits; filters from, to, outlet; type= keeps those that mention an event of that type");

        api.MapGet("/export/analysis.json", (HttpContext http, IKnowledgeReader r) =>
                StreamedDownload.Of(http, Json, "marsad-analysis.json", s => Exports.Analysis(s, r)))
            .WithSummary("The whole knowledge base as the marsad.analysis/1 contract");

        api.MapGet("/export/events.csv", ([AsParameters] ListFilters f, HttpContext http, IKnowledgeReader r) =>
                Export(f, http, "text/csv; charset=utf-8", "marsad-events.csv", (s, q) => CsvExporter.Write(s, Exports.EventRows(r, q))))
            .WithSummary("The events as CSV with ACLED-style columns (as marsad export --csv), filtered as /api/events");

        api.MapGet("/export/events.geojson", ([AsParameters] ListFilters f, HttpContext http, IKnowledgeReader r) =>
                Export(f, http, "application/geo+json", "marsad-events.geojson", (s, q) => GeoJsonExporter.Write(s, Exports.EventRows(r, q))))
            .WithSummary("The events as a GeoJSON FeatureCollection (as marsad export --geojson), filtered as /api/events");

        api.MapGet("/export/timeline.csv", ([AsParameters] ListFilters f, HttpContext http, ReadCache cache, string? kind) =>
                Export(f, http, "text/csv; charset=utf-8", "marsad-timeline.csv",
                    (s, q) => Exports.TimelineCsv(s, KnowledgeReaders.All(p => Timeline(cache, p, kind), q with { Cursor = null, Limit = KnowledgeQuery.MaxLimit }))))
            .WithSummary("The timeline as CSV (RFC 4180), filtered as /api/timeline");
    }

    private static StoreStats Stats(KnowledgeStats s) =>
        new(AnalysisJson.Schema, DocumentAnalyzer.Version, s.EngineVersions, s.Documents, s.Stories, s.Events, s.Entities, s.Discrepancies, s.Duplicates, s.Unconnected);

    private static Page<TimelineEntry> Timeline(ReadCache cache, KnowledgeQuery q, string? kind) => kind switch
    {
        null or "" or "event" => MapPage(cache.Reader.Events(q), events => EventViews.Of(events, cache, quoted: 1).Select(EventViews.Timeline)),
        "document" => Map(cache.Reader.Documents(q), d => StoryViews.Publication(DocumentViews.Of(d))),
        _ => throw new FormatException($"kind: '{kind}' is not event or document"),
    };

    private static Page<MapMarker> Markers(ReadCache cache, KnowledgeQuery q)
    {
        var events = cache.Reader.Events(q);
        // Only the events at a known place are quoted.
        return new Page<MapMarker>([.. EventViews.Of(events.Items.Where(e => e is { Lat: not null, Lon: not null }), cache).Select(EventViews.Marker).OfType<MapMarker>()], events.Next);
    }

    private static Page<MapMarker> Places(ReadCache cache, KnowledgeQuery q)
    {
        var entities = cache.Reader.Entities(q);
        // Only the geocoded ones are drawn; the popup links to the entity's page, which quotes its mentions.
        return new Page<MapMarker>([.. entities.Items.Select(EntityViews.Of).Where(e => e is { Lat: not null, Lon: not null })
            .Select(e => new MapMarker("place", e.Id, null, e.Name, e.Lat!.Value, e.Lon!.Value, null, [], []))], entities.Next);
    }

    private static Results<Ok<TrendView>, BadRequest<string>> Trend(ListFilters filters, Func<KnowledgeQuery, TrendView> read)
    {
        try
        {
            return TypedResults.Ok(read(filters.ToQuery()));
        }
        catch (FormatException ex)
        {
            return TypedResults.BadRequest(ex.Message);
        }
    }

    private static Page<TView> Map<T, TView>(Page<T> page, Func<T, TView> view) => new([.. page.Items.Select(view)], page.Next);

    /// <summary>A page shown at once: what its items name is read in one go.</summary>
    private static Page<TView> MapPage<T, TView>(Page<T> page, Func<IReadOnlyList<T>, IEnumerable<TView>> views) => new([.. views(page.Items)], page.Next);

    /// <summary>A page, or 400 with the reason when a filter or the cursor is malformed.</summary>
    private static Results<Ok<TPage>, BadRequest<string>> Answer<TPage>(ListFilters filters, Func<KnowledgeQuery, TPage> read)
    {
        try
        {
            return TypedResults.Ok(read(filters.ToQuery()));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // A cursor from elsewhere, a bad date, or a search Lucene cannot take (too many words): the caller's to fix.
            return TypedResults.BadRequest(ex.Message);
        }
    }

    private static Results<PushStreamHttpResult, BadRequest<string>> Export(ListFilters filters, HttpContext http, string contentType, string fileName, Action<Stream, KnowledgeQuery> write)
    {
        KnowledgeQuery query;
        try
        {
            query = filters.ToQuery();
        }
        catch (FormatException ex)
        {
            return TypedResults.BadRequest(ex.Message);
        }

        return StreamedDownload.Of(http, contentType, fileName, s => write(s, query));
    }
}
