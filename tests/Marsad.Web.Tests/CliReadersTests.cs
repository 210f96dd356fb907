using System.Text.Json;
using Marsad.Cli.Commands;
using Marsad.Storage.Knowledge;
using Marsad.Tests.Support;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

/// <summary>The CLI's readers of the knowledge base (stories, timeline, export) over the analyzed seeds, walking small pages.</summary>
[Collection(StoresCollection.Name)]
public sealed class CliReadersTests(StoreFixtures stores)
{
    private IKnowledgeReader Reader => stores.SeedsKnowledge ?? throw new InvalidOperationException("the seeds are not available: " + SharedData.SkipReason);

    [SharedFact]
    public void StoriesListsEveryStoryOnceAsJsonAndText()
    {
        using var json = new MemoryStream();
        StoriesCommand.Write(Reader, new KnowledgeQuery { Limit = 1 }, null, json: true, framing: false, json, TextWriter.Null);
        var ids = JsonDocument.Parse(json.ToArray()).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(Reader.Stats().Stories, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        using var text = new MemoryStream();
        StoriesCommand.Write(Reader, new KnowledgeQuery { Limit = 1 }, 1, json: false, framing: true, text, TextWriter.Null);
        var lines = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n');
        Assert.StartsWith(ids[0] + "\t", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("framing of " + ids[0], StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"1 of {ids.Count} stories", StringComparison.Ordinal));
    }

    [SharedFact]
    public void TimelineFiltersEventsByType()
    {
        using var json = new MemoryStream();
        TimelineCommand.Write(Reader, new KnowledgeQuery { Type = "attack", Limit = 2 }, null, json: true, json);
        var events = JsonDocument.Parse(json.ToArray()).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("attack", e.GetProperty("type").GetString()));
        Assert.Equal(KnowledgeReaders.All(Reader.Events, new KnowledgeQuery { Type = "attack" }).Count(), events.Count);

        using var text = new MemoryStream();
        TimelineCommand.Write(Reader, new KnowledgeQuery { Limit = 3 }, 5, json: false, text);
        var lines = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, l => Assert.Equal(6, l.Split('\t').Length));
    }

    [SharedFact]
    public void SearchByEventTypeFindsTheSeedsAttacks()
    {
        var attacks = KnowledgeReaders.All(Reader.Events, new KnowledgeQuery { Type = "attack" }).SelectMany(e => e.Documents).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(attacks);
        using var index = Marsad.Storage.Search.SearchService.Open(Marsad.Storage.StoreFactory.DefaultIndexPath(stores.SeedsDb));
        var byType = SearchCommand.OfEventTypes(new Marsad.Storage.Search.SearchQuery { Limit = 100 }, ["attack"], Reader);
        Assert.Equal(attacks.Order(StringComparer.Ordinal), index.Search(byType).Hits.Select(h => h.Id).Order(StringComparer.Ordinal));

        // With words, both hold: the attack documents that name Baghdad.
        var withWords = SearchCommand.OfEventTypes(new Marsad.Storage.Search.SearchQuery { Text = "بغداد", Limit = 100 }, ["attack"], Reader);
        var words = index.Search(new Marsad.Storage.Search.SearchQuery { Text = "بغداد", Limit = 100 }).Hits.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(index.Search(withWords).Hits, h => Assert.True(attacks.Contains(h.Id) && words.Contains(h.Id)));
    }

    [SharedFact]
    public void ExportWritesFilteredEventsAsCsvAndGeoJson()
    {
        using var dir = new TempDir();
        var csv = new FileInfo(dir.File("events.csv"));
        var geojson = new FileInfo(System.IO.Path.Combine(dir.Path, "out", "events.geojson"));
        var query = new KnowledgeQuery { From = "2024-01-01", To = "2024-12-31", Limit = 2 };
        Assert.Equal(0, ExportCommand.FromStore(Reader, query, null, csv, geojson));

        var expected = KnowledgeReaders.All(Reader.Events, query).Count();
        Assert.True(expected > 0);
        var lines = File.ReadAllText(csv.FullName).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Marsad.Export.CsvExporter.Columns), lines[0]);
        Assert.Equal(expected, lines.Length - 1);
        using var geo = JsonDocument.Parse(File.ReadAllText(geojson.FullName));
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
    }
}
