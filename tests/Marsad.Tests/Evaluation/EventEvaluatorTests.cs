using System.Text.Json.Nodes;
using Marsad.Evaluation;
using Marsad.Tests.Support;

namespace Marsad.Tests.Evaluation;

public sealed class EventEvaluatorTests
{
    [Fact]
    public void DateOkFollowsTheGoldRange()
    {
        var gold = JsonNode.Parse("""{"date": "2024-01-24", "date_range": ["2024-01-23", "2024-01-25"]}""")!;

        Assert.True(EventEvaluator.DateOk(gold, "2024-01-25"));
        Assert.False(EventEvaluator.DateOk(gold, "2024-01-26"));
        Assert.True(EventEvaluator.DateOk(gold, "2024-01"));
        Assert.False(EventEvaluator.DateOk(gold, "2024"));
        Assert.False(EventEvaluator.DateOk(gold, null));
        Assert.True(EventEvaluator.DateOk(JsonNode.Parse("""{"date": "2024-01-27", "accept_null": true}""")!, null));
    }

    [Fact]
    public void ScoresTypeDocumentDateAndPlace()
    {
        var gold = JsonNode.Parse("""
            {"documents": {}, "events": [
              {"type": "attack", "date": "2024-01-24", "docs": ["d"], "lat": 33.8, "lon": 42.44},
              {"type": "talks", "date": "2024-01-25", "docs": ["d"]},
              {"type": "threat", "date": "2024-01-20", "docs": ["d"], "optional": true}]}
            """)!;
        var analysis = JsonNode.Parse("""
            {"entities": [{"id": "p", "lat": 33.79, "lon": 42.45}, {"id": "far", "lat": 36.2, "lon": 44.0}],
             "events": [
              {"type": "attack", "date": "2024-01-24", "place": "far", "mentions": [{"doc": "d"}]},
              {"type": "attack", "date": "2024-01-24", "place": "p", "mentions": [{"doc": "d"}]},
              {"type": "talks", "date": "2024-01-25", "mentions": [{"doc": "other"}]}]}
            """)!;

        var report = AnalysisEvaluator.Evaluate(analysis, gold, rawDir: null, new HashSet<string> { "events" });

        Assert.Equal(1.0 / 3, report["events_p"]!.Value, 6);
        Assert.Equal(0.5, report["events_r"]!.Value, 6);
    }

    [SharedFact]
    public void SeedEventsReachTheBar()
    {
        using var tmp = new TempDir();
        var json = tmp.File("seeds.json");
        var run = CliRunner.Run("analyze", SharedData.SeedsDir, "--json", json, "--db", tmp.File("m.db"), "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var report = AnalysisEvaluator.Evaluate(json, SharedData.GoldFile, SharedData.SeedsDir, new HashSet<string> { "events" });

        Assert.True(report["events_f1"] >= 0.80, $"events_f1 {report["events_f1"]:0.000} (p {report["events_p"]:0.000}, r {report["events_r"]:0.000})");
    }
}
