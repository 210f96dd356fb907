using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Model;
using Marsad.Web.Api;
using SearchQuery = Marsad.Storage.Search.SearchQuery;

namespace Marsad.Web;

/// <summary>
/// An immutable view of one state of the store, read from its <c>marsad.analysis/1</c> object, with every answer of the
/// API precomputed or indexed so requests only look up. Rules:
/// <list type="bullet">
/// <item>events come from the contract's <c>events</c> section and from any document's own <c>events</c> array;</item>
/// <item>a mention is quoted with the sentence that holds it (the engine's sentence layer; the whole line otherwise);</item>
/// <item>an event belongs to the stories of the documents that mention it; a discrepancy to those of its claims;</item>
/// <item>the timeline lists events by date when there are any, and always each document's publication;</item>
/// <item>search ranks documents with the store's Lucene index (<see cref="StoreSearch"/>), kept by whoever loads the snapshot.</item>
/// </list>
/// </summary>
public sealed class CorpusSnapshot
{
    private const int MaxSnippet = 160;

    private readonly Dictionary<string, TextSpan[]> _sentences;
    private readonly Dictionary<string, IReadOnlyList<FramingRow>> _framing;
    private readonly StoreSearch? _search;
    private readonly Lazy<byte[]> _eventsCsv;
    private readonly Lazy<byte[]> _eventsGeoJson;
    private readonly Dictionary<string, JsonElement> _documentJson = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentSummary> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityView> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Quote>> _entityMentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryDetail> _storyDetails = new(StringComparer.Ordinal);

    internal CorpusSnapshot(
        byte[] analysis,
        Dictionary<string, TextSpan[]> sentences,
        Dictionary<string, IReadOnlyList<FramingRow>> framing,
        string engine,
        StoreSearch? search = null)
    {
        _search = search;
        Analysis = analysis;
        var rows = new Lazy<IReadOnlyList<EventRow>>(() => EventRows.FromAnalysis(JsonNode.Parse(analysis)!));
        _eventsCsv = new Lazy<byte[]>(() => Write(s => CsvExporter.Write(s, rows.Value)));
        _eventsGeoJson = new Lazy<byte[]>(() => Write(s => GeoJsonExporter.Write(s, rows.Value)));
        _sentences = sentences;
        _framing = framing;
        using var json = JsonDocument.Parse(analysis);
        var root = json.RootElement;

        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var stories = Array(root, "stories").Select(s => s.Clone()).ToList();
        foreach (var s in stories)
        {
            foreach (var d in Array(s, "documents"))
            {
                storyOf.TryAdd(d.GetString()!, Str(s, "id")!);
            }
        }

        var documents = new List<DocumentSummary>();
        var docEvents = new List<JsonElement>();
        foreach (var d in Array(root, "documents"))
        {
            var id = Str(d, "id")!;
            var text = Str(d, "text") ?? "";
            _documentJson[id] = d.Clone();
            _texts[id] = text;
            var summary = new DocumentSummary(id, Str(d, "title"), Str(d, "outlet"), Str(d, "published"), Str(d, "publishedFrom") ?? "none",
                storyOf.GetValueOrDefault(id), Str(d, "url"), text.Length);
            _summaries[id] = summary;
            documents.Add(summary);
            foreach (var e in Array(d, "events"))
            {
                docEvents.Add(WithDefaultMention(e, id));
            }
        }

        Documents = documents;
        Duplicates = Array(root, "duplicates").Select(p => new DuplicateView(Str(p, "a")!, Str(p, "b")!, Num(p, "similarity") ?? 0)).ToList();

        var catalog = Array(root, "entities").Select(e => e.Clone()).ToList();
        var counts = new Dictionary<string, (int Mentions, HashSet<string> Docs)>(StringComparer.Ordinal);
        foreach (var (id, d) in _documentJson)
        {
            foreach (var m in Array(d, "entities"))
            {
                if (Str(m, "ref") is not { } r)
                {
                    continue;
                }

                if (!counts.TryGetValue(r, out var c))
                {
                    c = (0, new HashSet<string>(StringComparer.Ordinal));
                }

                c.Docs.Add(id);
                counts[r] = (c.Mentions + 1, c.Docs);
                if (!_entityMentions.TryGetValue(r, out var list))
                {
                    _entityMentions[r] = list = [];
                }

                list.Add(QuoteOf(id, Int(m, "start") ?? 0, Int(m, "end") ?? 0));
            }
        }

        foreach (var e in catalog)
        {
            var id = Str(e, "id")!;
            var c = counts.GetValueOrDefault(id);
            _entities[id] = new EntityView(id, Str(e, "type") ?? "MISC", Str(e, "name") ?? id, Str(e, "nameEn"),
                Array(e, "aliases").Select(a => a.GetString() ?? "").ToList(), Num(e, "lat"), Num(e, "lon"), Str(e, "country"),
                c.Mentions, c.Docs?.Count ?? 0);
        }

        Entities = _entities.Values.OrderByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

        var events = new List<EventView>();
        var seenEvents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Array(root, "events").Concat(docEvents))
        {
            var view = EventOf(e, storyOf);
            if (seenEvents.Add(view.Id))
            {
                events.Add(view);
            }
        }

        Events = events.OrderBy(e => e.Date ?? "9999").ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

        Discrepancies = Array(root, "discrepancies").Select(x =>
        {
            var claims = Array(x, "claims").Select(c =>
            {
                var doc = Str(c, "doc") ?? "";
                var (start, end) = (Int(c, "start"), Int(c, "end"));

                // A claim without a span (0..0) is found by its text when highlighted.
                var spanned = start is { } s && end is { } e && e > s;
                return new ClaimView(doc, _summaries.GetValueOrDefault(doc)?.Outlet, Str(c, "text") ?? "", Str(c, "value") ?? "", spanned ? start : null, spanned ? end : null);
            }).ToList();
            var inStories = claims.Select(c => storyOf.GetValueOrDefault(c.Doc)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return new DiscrepancyView(Str(x, "kind") ?? "", Str(x, "subject") ?? "", inStories, claims);
        }).ToList();

        Timeline = BuildTimeline(storyOf);

        var summaries = new List<StorySummary>();
        foreach (var s in stories)
        {
            var id = Str(s, "id")!;
            var docs = Array(s, "documents").Select(d => d.GetString()!).Where(_summaries.ContainsKey).ToList();
            var storyDiscrepancies = Discrepancies.Where(d => d.Stories.Contains(id)).ToList();
            var storyEvents = Events.Where(e => e.Stories.Contains(id)).ToList();
            var outlets = docs.Select(d => _summaries[d].Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var summary = new StorySummary(id, Str(s, "title") ?? id, docs, Str(s, "first"), Str(s, "last"), outlets, storyDiscrepancies.Count, storyEvents.Count);
            summaries.Add(summary);

            var docSet = docs.ToHashSet(StringComparer.Ordinal);
            var sources = docs.Select(d => new StorySource(_summaries[d], _texts[d], ClaimHighlights(d, storyDiscrepancies))).ToList();
            _storyDetails[id] = new StoryDetail(summary, sources, Timeline.Where(t => t.Story == id).ToList(), storyDiscrepancies,
                _framing.GetValueOrDefault(id) ?? [], storyEvents, Duplicates.Where(p => docSet.Contains(p.A) || docSet.Contains(p.B)).ToList());
        }

        Stories = summaries;
        Markers = BuildMarkers();
        Stats = new StoreStats(Str(root, "schema") ?? "", engine, Documents.Count, Stories.Count, Events.Count, Entities.Count, Discrepancies.Count, Duplicates.Count);
    }

    /// <summary>The whole <c>marsad.analysis/1</c> object (UTF-8 JSON), as <c>marsad analyze --json</c> writes it.</summary>
    public byte[] Analysis { get; }

    /// <summary>The events as ACLED-style CSV, as <c>marsad export --csv</c> writes them (built on first request).</summary>
    public byte[] EventsCsv => _eventsCsv.Value;

    /// <summary>The events as a GeoJSON FeatureCollection, as <c>marsad export --geojson</c> writes them (built on first request).</summary>
    public byte[] EventsGeoJson => _eventsGeoJson.Value;

    public StoreStats Stats { get; }

    public IReadOnlyList<DocumentSummary> Documents { get; }

    public IReadOnlyList<StorySummary> Stories { get; }

    public IReadOnlyList<EventView> Events { get; }

    public IReadOnlyList<EntityView> Entities { get; }

    public IReadOnlyList<DiscrepancyView> Discrepancies { get; }

    public IReadOnlyList<DuplicateView> Duplicates { get; }

    public IReadOnlyList<TimelineEntry> Timeline { get; }

    public IReadOnlyList<MapMarker> Markers { get; }

    public StoryDetail? Story(string id) => _storyDetails.GetValueOrDefault(id);

    public IReadOnlyList<FramingRow> Framing(string? story) =>
        story is null ? _framing.Values.SelectMany(f => f).ToList() : _framing.GetValueOrDefault(story) ?? [];

    public DocumentDetail? Document(string id)
    {
        if (!_documentJson.TryGetValue(id, out var json))
        {
            return null;
        }

        var highlights = new List<Highlight>();
        foreach (var t in Array(json, "times"))
        {
            highlights.Add(new Highlight(Int(t, "start") ?? 0, Int(t, "end") ?? 0, "time", Str(t, "value") ?? Str(t, "kind") ?? "", null));
        }

        foreach (var m in Array(json, "entities"))
        {
            var r = Str(m, "ref");
            var name = r is not null && _entities.TryGetValue(r, out var e) ? e.Name : Str(m, "text") ?? "";
            highlights.Add(new Highlight(Int(m, "start") ?? 0, Int(m, "end") ?? 0, "entity-" + (Str(m, "type") ?? "MISC"), name, r));
        }

        foreach (var q in Array(json, "quantities"))
        {
            highlights.Add(new Highlight(Int(q, "start") ?? 0, Int(q, "end") ?? 0, "quantity", Str(q, "unit") ?? "", null));
        }

        foreach (var q in Array(json, "quotes"))
        {
            highlights.Add(new Highlight(Int(q, "start") ?? 0, Int(q, "end") ?? 0, "quote", Str(q, "cue") ?? "", Str(q, "speaker")));
        }

        foreach (var e in Events)
        {
            foreach (var m in e.Mentions.Where(m => m.Doc == id))
            {
                highlights.Add(new Highlight(m.Start, m.End, "event", e.Type, e.Id));
            }
        }

        var text = _texts[id];
        highlights.RemoveAll(h => h.Start < 0 || h.End > text.Length || h.End <= h.Start);
        highlights.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new DocumentDetail(_summaries[id], text, highlights, json);
    }

    public EntityDetail? Entity(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            return null;
        }

        var events = Events.Where(e => e.Place?.Id == id || e.Actors.Any(a => a.Id == id) || e.Targets.Any(t => t.Id == id)).ToList();
        return new EntityDetail(entity, _entityMentions.GetValueOrDefault(id) ?? [], events);
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The documents that best match <paramref name="query"/> (BM25 over the Arabic search analyzer: normalized, clitics
    /// and light stems removed, so وبالعراق is found for العراق), each with its best passage and matched words.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        if (_search is null || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var hits = new List<SearchHit>();
        var results = _search.Search(new SearchQuery { Text = query, Limit = limit, SnippetLength = MaxSnippet });
        foreach (var hit in results.Hits)
        {
            // The index follows the store, which may already hold a document this snapshot does not.
            if (!_summaries.TryGetValue(hit.Id, out var summary))
            {
                continue;
            }

            var inTitle = hit.Snippet.Highlights.Count == 0 && hit.Title.Highlights.Count > 0;
            var passage = inTitle ? hit.Title : hit.Snippet;
            var first = passage.Highlights.Count > 0 ? passage.Highlights[0] : default;
            hits.Add(new SearchHit(
                summary,
                Math.Round(hit.Score, 3),
                inTitle ? "title" : "text",
                passage.Text,
                passage.Highlights.Select(h => new Highlight(h.Start, h.End, "match", "", null)).ToList(),
                first.Start + (passage.Highlights.Count > 0 ? passage.Offset : 0),
                first.End + (passage.Highlights.Count > 0 ? passage.Offset : 0)));
        }

        return hits;
    }

    private List<TimelineEntry> BuildTimeline(Dictionary<string, string> storyOf)
    {
        var entries = new List<TimelineEntry>();
        foreach (var e in Events)
        {
            var first = e.Mentions.FirstOrDefault();
            var label = e.Place?.Name ?? string.Join("، ", e.Actors.Select(a => a.Name));
            var stories = e.Stories.Count == 0 ? [null] : e.Stories.Cast<string?>();
            foreach (var s in stories)
            {
                entries.Add(new TimelineEntry(e.Date, "event", s, first?.Doc, first?.Outlet, label, e.Id, e.Type, first?.Sentence));
            }
        }

        foreach (var d in Documents)
        {
            entries.Add(new TimelineEntry(d.Published, "document", storyOf.GetValueOrDefault(d.Id), d.Id, d.Outlet, d.Title ?? d.Id, null, null, null));
        }

        return entries
            .OrderBy(t => t.Date ?? "9999", StringComparer.Ordinal)
            .ThenBy(t => t.Kind == "event" ? 0 : 1)
            .ThenBy(t => t.Story, StringComparer.Ordinal)
            .ThenBy(t => t.Doc, StringComparer.Ordinal)
            .ToList();
    }

    private List<MapMarker> BuildMarkers()
    {
        var markers = new List<MapMarker>();
        foreach (var e in Events)
        {
            if (e.Place is { Lat: { } lat, Lon: { } lon })
            {
                markers.Add(new MapMarker("event", e.Id, e.Type, e.Place.Name, lat, lon, e.Date, e.Stories, e.Mentions.Take(5).ToList()));
            }
        }

        // Places the sources mention, so the map shows where a story happens even before events are extracted.
        foreach (var e in Entities)
        {
            if (e is { Lat: { } lat, Lon: { } lon } && _entityMentions.TryGetValue(e.Id, out var quotes))
            {
                var stories = quotes.Select(q => _summaries[q.Doc].Story).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                markers.Add(new MapMarker("place", e.Id, null, e.Name, lat, lon, null, stories, quotes.Take(5).ToList()));
            }
        }

        return markers;
    }

    private List<Highlight> ClaimHighlights(string doc, List<DiscrepancyView> discrepancies)
    {
        var text = _texts[doc];
        var list = new List<Highlight>();
        foreach (var d in discrepancies)
        {
            foreach (var c in d.Claims.Where(c => c.Doc == doc))
            {
                var (start, end) = c.Start is { } s && c.End is { } e ? (s, e) : Find(text, c.Text);
                if (start >= 0 && end <= text.Length && end > start)
                {
                    list.Add(new Highlight(start, end, "discrepancy-" + d.Kind, d.Subject + ": " + c.Value, null));
                }
            }
        }

        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    private static (int, int) Find(string text, string claim)
    {
        var at = claim.Length == 0 ? -1 : text.IndexOf(claim, StringComparison.Ordinal);
        return at < 0 ? (-1, -1) : (at, at + claim.Length);
    }

    private EventView EventOf(JsonElement e, Dictionary<string, string> storyOf)
    {
        var mentions = Array(e, "mentions")
            .Select(m => (Doc: Str(m, "doc") ?? "", Start: Int(m, "start") ?? 0, End: Int(m, "end") ?? 0))
            .Where(m => _texts.ContainsKey(m.Doc))
            .Select(m => QuoteOf(m.Doc, m.Start, m.End))
            .ToList();
        PlaceView? place = null;
        if (Str(e, "place") is { } p)
        {
            place = _entities.TryGetValue(p, out var pe) ? new PlaceView(p, pe.Name, pe.Lat, pe.Lon) : new PlaceView(p, p, null, null);
        }

        return new EventView(
            Str(e, "id") ?? "",
            Str(e, "type") ?? "",
            Str(e, "cameo"),
            Str(e, "date"),
            Refs(e, "actors"),
            Refs(e, "targets"),
            place,
            Array(e, "weapons").Select(w => w.GetString() ?? "").ToList(),
            Num(e, "killed"),
            Num(e, "injured"),
            mentions.Select(m => storyOf.GetValueOrDefault(m.Doc)).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            mentions);
    }

    private List<EntityRef> Refs(JsonElement e, string name) =>
        Array(e, name).Select(r => r.GetString() ?? "").Select(r => new EntityRef(r, _entities.TryGetValue(r, out var x) ? x.Name : r)).ToList();

    private Quote QuoteOf(string doc, int start, int end)
    {
        var text = _texts[doc];
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var sentence = SentenceAt(doc, text, start, end);
        var summary = _summaries[doc];
        return new Quote(doc, summary.Title, summary.Outlet, start, end, text[start..end], text[sentence.Start..sentence.End], sentence.Start);
    }

    private TextSpan SentenceAt(string doc, string text, int start, int end)
    {
        if (_sentences.TryGetValue(doc, out var spans))
        {
            foreach (var s in spans)
            {
                if (s.Start <= start && end <= s.End)
                {
                    return s;
                }
            }
        }

        // No sentence layer (or a span across sentences): the line that holds the mention.
        var from = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var to = text.IndexOf('\n', end);
        return new TextSpan(from, to < 0 ? text.Length : to);
    }

    /// <summary>A document-level event without mentions is mentioned by its document.</summary>
    private static JsonElement WithDefaultMention(JsonElement e, string doc)
    {
        if (e.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0)
        {
            return e.Clone();
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(e.GetRawText())!.AsObject();
        node["mentions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["doc"] = doc, ["start"] = 0, ["end"] = 0 });
        return JsonSerializer.SerializeToElement(node);
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
