using System.Net;
using System.Text.Json;
using Marsad.Tests.Support;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

[Collection(StoresCollection.Name)]
public sealed class ApiEndpointsTests(StoreFixtures stores)
{
    /// <summary>The list endpoints, and what identifies an item of each (to see that paging walks every item once).</summary>
    private static readonly (string Path, Func<JsonElement, string> Key)[] Lists =
    [
        ("/api/documents", i => Str(i, "id")),
        ("/api/stories", i => Str(i, "id")),
        ("/api/events", i => Str(i, "id")),
        ("/api/entities", i => Str(i, "id")),
        ("/api/discrepancies", i => Str(i, "id")),
        ("/api/duplicates", i => Str(i, "a") + "|" + Str(i, "b")),
        ("/api/timeline", i => Str(i, "event")),
        ("/api/timeline?kind=document", i => Str(i, "doc")),
        ("/api/map", i => Str(i, "id")),
    ];

    [Fact]
    public async Task EveryParameterlessGetAnswers200OnAnEmptyStore() => await EveryParameterlessGetAnswers200(stores.Empty);

    [SharedFact]
    public async Task EveryParameterlessGetAnswers200OnTheSeeds() => await EveryParameterlessGetAnswers200(stores.SeedsOrFail);

    [Fact]
    public async Task EmptyStoreListsNothing()
    {
        var stats = await Json(stores.Empty, "/api/stats");
        Assert.Equal(0, stats.GetProperty("documents").GetInt32());
        foreach (var (path, _) in Lists)
        {
            var page = await Json(stores.Empty, path);
            Assert.Equal(0, page.GetProperty("items").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        }
    }

    [SharedFact]
    public async Task TrendsCountTheSeedsPerPeriodAndNameTheirKeys()
    {
        var types = await Json(stores.SeedsOrFail, "/api/trends?dimension=type&bucket=day");
        var events = (await Json(stores.SeedsOrFail, "/api/stats")).GetProperty("events").GetInt32();
        var periods = types.GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(periods.Order(StringComparer.Ordinal), periods);
        var series = types.GetProperty("series").EnumerateArray().ToList();
        Assert.All(series, s => Assert.Equal(periods.Count, s.GetProperty("counts").GetArrayLength()));
        Assert.All(series, s => Assert.Equal(s.GetProperty("total").GetInt32(), s.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32())));
        // Every dated event is counted once, under its type.
        Assert.InRange(series.Sum(s => s.GetProperty("total").GetInt32()), 1, events);

        var actors = await Json(stores.SeedsOrFail, "/api/trends?dimension=actor&keys=3");
        Assert.Equal("week", actors.GetProperty("bucket").GetString());
        var named = actors.GetProperty("series").EnumerateArray().ToList();
        Assert.InRange(named.Count, 1, 3);
        Assert.All(named, s => Assert.NotEqual(s.GetProperty("key").GetString(), s.GetProperty("label").GetString()));

        var ev = (await Json(stores.SeedsOrFail, "/api/events?limit=1")).GetProperty("items")[0];
        var one = await Json(stores.SeedsOrFail, "/api/events/" + Uri.EscapeDataString(Str(ev, "id")));
        Assert.Equal(Str(ev, "type"), Str(one, "type"));
        var places = await Json(stores.SeedsOrFail, "/api/places");
        Assert.Contains(places.GetProperty("items").EnumerateArray(), p => Str(p, "kind") == "place");
    }

    [Fact]
    public async Task UnknownIdsAnswer404()
    {
        foreach (var path in new[] { "/api/documents/nope", "/api/stories/nope", "/api/entities/nope", "/api/events/nope" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stores.Hostile.Client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task BadFiltersAndCursorsAnswer400()
    {
        foreach (var path in new[] { "/api/events?from=yesterday", "/api/stories?to=2024-13", "/api/documents?cursor=%%%", "/api/timeline?kind=other", "/api/search?q=x&cursor=abc", "/api/trends?dimension=mood", "/api/trends?bucket=month", "/api/trends?from=soon" })
        {
            var response = await stores.Hostile.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {path} answered {(int)response.StatusCode}");
        }
    }

    [SharedFact]
    public async Task PagesWalkEveryItemOnce()
    {
        var server = stores.SeedsOrFail;
        foreach (var (path, key) in Lists)
        {
            var whole = (await Json(server, With(path, "limit=1000"))).GetProperty("items").EnumerateArray().Select(key).ToList();
            var walked = await Walk(server, With(path, "limit=2"), key);
            Assert.Equal(whole, walked);
            Assert.Equal(walked.Count, walked.Distinct(StringComparer.Ordinal).Count());
        }

        var stats = await Json(server, "/api/stats");
        foreach (var kind in new[] { "documents", "stories", "events", "entities", "discrepancies", "duplicates" })
        {
            Assert.Equal(stats.GetProperty(kind).GetInt32(), (await Walk(server, $"/api/{kind}?limit=3", i => i.GetRawText())).Count);
        }
    }

    [SharedFact]
    public async Task EventFiltersNarrowTheList()
    {
        var server = stores.SeedsOrFail;
        var all = await Items(server, "/api/events?limit=1000");
        var attacks = await Items(server, "/api/events?type=attack&limit=1000");
        Assert.NotEmpty(attacks);
        Assert.All(attacks, e => Assert.Equal("attack", Str(e, "type")));
        Assert.Equal(all.Count(e => Str(e, "type") == "attack"), attacks.Count);

        var january = await Items(server, "/api/events?from=2024-01&to=2024-01-24&limit=1000");
        Assert.NotEmpty(january);
        Assert.All(january, e => Assert.InRange(string.CompareOrdinal(Str(e, "date"), "2024-01-01"), 0, int.MaxValue));
        Assert.All(january, e => Assert.True(string.CompareOrdinal(Str(e, "date")[..Math.Min(10, Str(e, "date").Length)], "2024-01-24") <= 0));

        var story = Str((await Items(server, "/api/stories"))[0], "id");
        var ofStory = await Items(server, "/api/events?limit=1000&story=" + story);
        Assert.All(ofStory, e => Assert.Contains(story, e.GetProperty("stories").EnumerateArray().Select(s => s.GetString())));
        var docs = await Items(server, "/api/documents?limit=1000&story=" + story);
        Assert.All(docs, d => Assert.Equal(story, Str(d, "story")));

        var outlet = Str(docs[0], "outlet");
        Assert.All(await Items(server, "/api/documents?outlet=" + Uri.EscapeDataString(outlet)), d => Assert.Equal(outlet, Str(d, "outlet")));
        var withActor = all.First(e => e.GetProperty("actors").GetArrayLength() > 0);
        var actor = Str(withActor.GetProperty("actors")[0], "id");
        var ofActor = await Items(server, "/api/events?limit=1000&actor=" + Uri.EscapeDataString(actor));
        Assert.Contains(ofActor, e => Str(e, "id") == Str(withActor, "id"));
    }

    [SharedFact]
    public async Task SearchByEventTypeFindsTheDocumentsOfThoseEvents()
    {
        var server = stores.SeedsOrFail;
        var attackDocs = (await Items(server, "/api/events?type=attack&limit=1000"))
            .SelectMany(e => e.GetProperty("mentions").EnumerateArray().Select(m => Str(m, "doc")))
            .ToHashSet(StringComparer.Ordinal);
        var hits = await Items(server, "/api/search?type=attack&limit=100");
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains(Str(h, "id"), attackDocs));

        // With words: both must hold.
        var word = Uri.EscapeDataString("العراق");
        var both = await Items(server, $"/api/search?q={word}&type=attack&limit=100");
        var words = (await Items(server, $"/api/search?q={word}&limit=100")).Select(h => Str(h, "id")).ToHashSet(StringComparer.Ordinal);
        Assert.All(both, h => Assert.True(words.Contains(Str(h, "id")) && attackDocs.Contains(Str(h, "id"))));
    }

    [SharedFact]
    public async Task SearchCountsItsHitsAndFiltersByDateAndOutlet()
    {
        var server = stores.SeedsOrFail;
        var word = Uri.EscapeDataString("العراق");
        var all = await Json(server, $"/api/search?q={word}&limit=100");
        var hits = all.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Equal(hits.Count, all.GetProperty("total").GetInt32());
        Assert.All(hits, h => Assert.False(string.IsNullOrEmpty(Str(h, "published"))));

        // A filter keeps exactly the hits it names, and the total follows.
        var first = hits[0];
        var day = Str(first, "published");
        var onDay = await Json(server, $"/api/search?q={word}&from={day}&to={day}&limit=100");
        Assert.Equal(hits.Count(h => Str(h, "published") == day), onDay.GetProperty("total").GetInt32());
        Assert.All(onDay.GetProperty("items").EnumerateArray(), h => Assert.Equal(day, Str(h, "published")));
        if (first.TryGetProperty("outlet", out var o) && o.GetString() is { Length: > 0 } outlet)
        {
            var ofOutlet = await Json(server, $"/api/search?q={word}&outlet={Uri.EscapeDataString(outlet)}&limit=100");
            Assert.Equal(hits.Count(h => h.TryGetProperty("outlet", out var x) && x.GetString() == outlet), ofOutlet.GetProperty("total").GetInt32());
        }
    }

    [SharedFact]
    public async Task StoryHoldsSourcesTimelineDiscrepanciesAndFraming()
    {
        var stories = await Items(stores.SeedsOrFail, "/api/stories");
        var biggest = stories.OrderByDescending(s => s.GetProperty("documents").GetInt32()).First();
        var story = await Json(stores.SeedsOrFail, "/api/stories/" + Str(biggest, "id"));
        Assert.True(story.GetProperty("sources").GetArrayLength() >= 2);
        Assert.True(story.GetProperty("timeline").GetArrayLength() >= 2);
        Assert.True(story.GetProperty("discrepancies").GetArrayLength() >= 1);
        Assert.True(story.GetProperty("framing").GetArrayLength() >= 1);
        Assert.True(story.GetProperty("events").GetArrayLength() >= 1);
        foreach (var source in story.GetProperty("sources").EnumerateArray())
        {
            var text = Str(source, "text");
            foreach (var h in source.GetProperty("highlights").EnumerateArray())
            {
                Assert.InRange(h.GetProperty("end").GetInt32(), h.GetProperty("start").GetInt32() + 1, text.Length);
            }
        }
    }

    [SharedFact]
    public async Task EntityPageQuotesItsMentionsPageByPage()
    {
        var server = stores.SeedsOrFail;
        var entity = (await Items(server, "/api/entities?limit=1")).Single();
        var id = Uri.EscapeDataString(Str(entity, "id"));
        var detail = await Json(server, $"/api/entities/{id}?limit=1");
        var quotes = detail.GetProperty("mentions").EnumerateArray().ToList();
        var next = detail.GetProperty("moreMentions");
        while (next.ValueKind == JsonValueKind.String)
        {
            var more = await Json(server, $"/api/entities/{id}?limit=1&cursor={Uri.EscapeDataString(next.GetString()!)}");
            quotes.AddRange(more.GetProperty("mentions").EnumerateArray());
            next = more.GetProperty("moreMentions");
        }

        // Every document that mentions it is quoted, at most three times (its page highlights every mention).
        Assert.InRange(quotes.Count, entity.GetProperty("documents").GetInt32(), entity.GetProperty("mentions").GetInt32());
        Assert.Equal(entity.GetProperty("documents").GetInt32(), quotes.Select(q => Str(q, "doc")).Distinct().Count());
        Assert.All(quotes.GroupBy(q => Str(q, "doc")), g => Assert.InRange(g.Count(), 1, 3));
        Assert.All(quotes, q => Assert.Contains(Str(q, "text"), Str(q, "sentence"), StringComparison.Ordinal));
    }

    [SharedFact]
    public async Task DocumentAnnotationsAreSpansOfItsText()
    {
        var docs = await Items(stores.SeedsOrFail, "/api/documents");
        var doc = await Json(stores.SeedsOrFail, "/api/documents/" + Uri.EscapeDataString(Str(docs[0], "id")));
        var text = Str(doc, "text");
        Assert.True(doc.GetProperty("annotations").GetArrayLength() > 0);
        foreach (var m in doc.GetProperty("analysis").GetProperty("entities").EnumerateArray())
        {
            var (s, e) = (m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32());
            Assert.Equal(Str(m, "text"), text[s..e]);
        }
    }

    [SharedFact]
    public async Task MapMarkersQuoteTheirSourceSentence()
    {
        var markers = await Items(stores.SeedsOrFail, "/api/map?limit=1000");
        Assert.NotEmpty(markers);
        foreach (var m in markers)
        {
            Assert.NotEmpty(m.GetProperty("quotes").EnumerateArray());
            foreach (var q in m.GetProperty("quotes").EnumerateArray())
            {
                Assert.Contains(Str(q, "text"), Str(q, "sentence"), StringComparison.Ordinal);
            }
        }
    }

    [SharedFact]
    public async Task SearchMatchesNormalizedArabic()
    {
        var docs = await Items(stores.SeedsOrFail, "/api/documents");
        var title = docs.Select(d => d.GetProperty("title").GetString()).First(t => !string.IsNullOrEmpty(t))!;
        var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        Assert.NotEmpty(await Items(stores.SeedsOrFail, "/api/search?q=" + Uri.EscapeDataString(word)));
        Assert.Empty(await Items(stores.SeedsOrFail, "/api/search?q=" + Uri.EscapeDataString("zzqqxx")));
    }

    [SharedFact]
    public async Task AnalysisExportIsTheContract()
    {
        var analysis = await Json(stores.SeedsOrFail, "/api/export/analysis.json");
        var stats = await Json(stores.SeedsOrFail, "/api/stats");
        Assert.Equal("marsad.analysis/1", Str(analysis, "schema"));
        foreach (var section in new[] { "documents", "entities", "events", "stories", "duplicates", "discrepancies" })
        {
            Assert.Equal(stats.GetProperty(section).GetInt32(), analysis.GetProperty(section).GetArrayLength());
        }
    }

    [SharedFact]
    public async Task EventExportsAreFilteredLikeTheEventList()
    {
        var server = stores.SeedsOrFail;
        foreach (var filter in new[] { "", "?type=attack", "?from=2024-01-24&to=2024-01-24" })
        {
            var events = (await Walk(server, "/api/events" + (filter.Length == 0 ? "?limit=1000" : filter + "&limit=1000"), i => Str(i, "id"))).Count;
            Assert.True(events > 0, "no events for " + filter);

            var response = await server.Client.GetAsync("/api/export/events.csv" + filter);
            response.EnsureSuccessStatusCode();
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', Marsad.Export.CsvExporter.Columns), lines[0]);
            Assert.Equal(events, lines.Length - 1);

            var geo = await Json(server, "/api/export/events.geojson" + filter);
            Assert.Equal("FeatureCollection", Str(geo, "type"));
            Assert.InRange(geo.GetProperty("features").GetArrayLength(), 1, events);
        }
    }

    [Fact]
    public async Task TimelineCsvNeutralizesFormulas()
    {
        foreach (var kind in new[] { "event", "document" })
        {
            var response = await stores.Hostile.Client.GetAsync("/api/export/timeline.csv?kind=" + kind);
            response.EnsureSuccessStatusCode();
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var csv = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("date,kind,story", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
        }
    }

    private static async Task EveryParameterlessGetAnswers200(TestServer server)
    {
        var openApi = await Json(server, "/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject()
            .Where(p => !p.Name.Contains('{', StringComparison.Ordinal) && p.Value.TryGetProperty("get", out _))
            .Select(p => p.Name)
            .ToList();
        Assert.True(paths.Count >= 12, "the OpenAPI description lists " + paths.Count + " parameterless GET paths");
        foreach (var path in paths.Append("/").Append("/openapi/v1.json"))
        {
            var response = await server.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        }
    }

    private static async Task<List<string>> Walk(TestServer server, string path, Func<JsonElement, string> key)
    {
        var keys = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Json(server, cursor is null ? path : With(path, "cursor=" + Uri.EscapeDataString(cursor)));
            keys.AddRange(page.GetProperty("items").EnumerateArray().Select(key));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (cursor is not null && keys.Count < 10_000);
        return keys;
    }

    private static string With(string path, string parameter) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameter;

    private static async Task<List<JsonElement>> Items(TestServer server, string path) =>
        [.. (await Json(server, path)).GetProperty("items").EnumerateArray()];

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    private static async Task<JsonElement> Json(TestServer server, string path)
    {
        var response = await server.Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
