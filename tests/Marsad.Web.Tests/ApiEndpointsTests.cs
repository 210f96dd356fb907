using System.Net;
using System.Text.Json;
using Marsad.Tests.Support;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

[Collection(StoresCollection.Name)]
public sealed class ApiEndpointsTests(StoreFixtures stores)
{
    [Fact]
    public async Task EveryParameterlessGetAnswers200OnAnEmptyStore() => await EveryParameterlessGetAnswers200(stores.Empty);

    [SharedFact]
    public async Task EveryParameterlessGetAnswers200OnTheSeeds() => await EveryParameterlessGetAnswers200(stores.SeedsOrFail);

    [Fact]
    public async Task EmptyStoreListsNothing()
    {
        var stats = await Json(stores.Empty, "/api/stats");
        Assert.Equal(0, stats.GetProperty("documents").GetInt32());
        Assert.Equal(0, (await Json(stores.Empty, "/api/stories")).GetArrayLength());
        Assert.Equal(JsonValueKind.Array, (await Json(stores.Empty, "/api/events")).ValueKind);
    }

    [Fact]
    public async Task UnknownIdsAnswer404()
    {
        foreach (var path in new[] { "/api/documents/nope", "/api/stories/nope", "/api/entities/nope" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stores.Hostile.Client.GetAsync(path)).StatusCode);
        }
    }

    [SharedFact]
    public async Task StoryHoldsSourcesTimelineDiscrepanciesAndFraming()
    {
        var stories = await Json(stores.SeedsOrFail, "/api/stories");
        var biggest = stories.EnumerateArray().OrderByDescending(s => s.GetProperty("documents").GetArrayLength()).First();
        var story = await Json(stores.SeedsOrFail, "/api/stories/" + biggest.GetProperty("id").GetString());
        Assert.True(story.GetProperty("sources").GetArrayLength() >= 2);
        Assert.True(story.GetProperty("timeline").GetArrayLength() >= 2);
        Assert.True(story.GetProperty("discrepancies").GetArrayLength() >= 1);
        Assert.True(story.GetProperty("framing").GetArrayLength() >= 1);
        foreach (var source in story.GetProperty("sources").EnumerateArray())
        {
            var text = source.GetProperty("text").GetString()!;
            foreach (var h in source.GetProperty("highlights").EnumerateArray())
            {
                Assert.InRange(h.GetProperty("end").GetInt32(), h.GetProperty("start").GetInt32() + 1, text.Length);
            }
        }
    }

    [SharedFact]
    public async Task DocumentAnnotationsAreSpansOfItsText()
    {
        var docs = await Json(stores.SeedsOrFail, "/api/documents");
        var id = docs[0].GetProperty("id").GetString()!;
        var doc = await Json(stores.SeedsOrFail, "/api/documents/" + Uri.EscapeDataString(id));
        var text = doc.GetProperty("text").GetString()!;
        var annotations = doc.GetProperty("annotations");
        Assert.True(annotations.GetArrayLength() > 0);
        var entities = doc.GetProperty("analysis").GetProperty("entities");
        foreach (var m in entities.EnumerateArray())
        {
            var (s, e) = (m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32());
            Assert.Equal(m.GetProperty("text").GetString(), text[s..e]);
        }
    }

    [SharedFact]
    public async Task MapMarkersQuoteTheirSourceSentence()
    {
        var markers = await Json(stores.SeedsOrFail, "/api/map");
        Assert.True(markers.GetArrayLength() > 0);
        foreach (var m in markers.EnumerateArray())
        {
            foreach (var q in m.GetProperty("quotes").EnumerateArray())
            {
                Assert.Contains(q.GetProperty("text").GetString()!, q.GetProperty("sentence").GetString()!, StringComparison.Ordinal);
            }
        }
    }

    [SharedFact]
    public async Task SearchMatchesNormalizedArabic()
    {
        var docs = await Json(stores.SeedsOrFail, "/api/documents");
        var title = docs.EnumerateArray().Select(d => d.GetProperty("title").GetString()).First(t => !string.IsNullOrEmpty(t))!;
        var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var hits = await Json(stores.SeedsOrFail, "/api/search?q=" + Uri.EscapeDataString(word));
        Assert.True(hits.GetArrayLength() > 0);
        Assert.Equal(0, (await Json(stores.SeedsOrFail, "/api/search?q=" + Uri.EscapeDataString("zzqqxx"))).GetArrayLength());
    }

    [SharedFact]
    public async Task AnalysisExportIsTheContract()
    {
        var analysis = await Json(stores.SeedsOrFail, "/api/export/analysis.json");
        Assert.Equal("marsad.analysis/1", analysis.GetProperty("schema").GetString());
        foreach (var section in new[] { "documents", "entities", "events", "stories", "duplicates", "discrepancies" })
        {
            Assert.Equal(JsonValueKind.Array, analysis.GetProperty(section).ValueKind);
        }
    }

    [SharedFact]
    public async Task EventExportsMatchTheCliExporters()
    {
        var geo = await Json(stores.SeedsOrFail, "/api/export/events.geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var events = (await Json(stores.SeedsOrFail, "/api/export/analysis.json")).GetProperty("events").GetArrayLength();
        Assert.True(events > 0);

        var response = await stores.SeedsOrFail.Client.GetAsync("/api/export/events.csv");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Marsad.Export.CsvExporter.Columns), lines[0]);
        Assert.Equal(events, lines.Length - 1);
    }

    [Fact]
    public async Task TimelineCsvNeutralizesFormulas()
    {
        var response = await stores.Hostile.Client.GetAsync("/api/export/timeline.csv");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("date,kind,story", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
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

    private static async Task<JsonElement> Json(TestServer server, string path)
    {
        var response = await server.Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
