using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Marsad.Evaluation;
using Marsad.Extract.Times;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Evaluation;

public sealed class AnalysisEvaluatorTests
{
    [Fact]
    public void ValueOkAcceptsAltAndDroppedPartOfDay()
    {
        var gold = JsonNode.Parse("""{"value": "2024-01-25TMO", "alt": ["2024-01-24"]}""");

        Assert.True(AnalysisEvaluator.ValueOk(gold, JsonValue.Create("2024-01-25TMO")));
        Assert.True(AnalysisEvaluator.ValueOk(gold, JsonValue.Create("2024-01-25")));
        Assert.True(AnalysisEvaluator.ValueOk(gold, JsonValue.Create("2024-01-24TEV")));
        Assert.False(AnalysisEvaluator.ValueOk(gold, JsonValue.Create("2024-01-23")));
        Assert.False(AnalysisEvaluator.ValueOk(gold, null));
    }

    [Fact]
    public void ScoresTimesWithRelaxedOverlap()
    {
        var gold = JsonNode.Parse("""
            {"documents": {"d": {"times": [
              {"text": "منذ بداية العام الحالي", "value": "2024", "start": 0},
              {"text": "يومين", "value": "P2D", "start": 40},
              {"text": "الثلاثاء", "value": "2024-01-23", "start": 60}]}}}
            """)!;
        var analysis = JsonNode.Parse("""
            {"documents": [{"id": "d", "times": [
              {"text": "بداية العام الحالي", "start": 4, "value": "2024"},
              {"text": "يومين", "start": 40, "value": "P3D"},
              {"text": "غدا", "start": 50, "value": "2024-01-26"}]}]}
            """)!;

        var report = AnalysisEvaluator.Evaluate(analysis, gold, rawDir: null, new HashSet<string> { "times" });

        Assert.Equal(2.0 / 3, report["times_p"]!.Value, 6);
        Assert.Equal(2.0 / 3, report["times_r"]!.Value, 6);
        Assert.Equal(0.5, report["time_value_acc"]!.Value, 6);
    }

    [Fact]
    public void UnknownSectionIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => AnalysisEvaluator.Evaluate(new JsonObject(), new JsonObject(), null, new HashSet<string> { "tims" }));

        Assert.Contains("times", error.Message);
    }

    [SharedFact]
    public void AgreesWithTheReferenceScorer()
    {
        var gold = JsonNode.Parse(File.ReadAllText(SharedData.GoldFile))!;
        var analysis = BuildAnalysis(gold);
        var dir = Directory.CreateTempSubdirectory("marsad-eval-");
        try
        {
            var path = Path.Combine(dir.FullName, "analysis.json");
            File.WriteAllText(path, analysis.ToJsonString());

            var ours = AnalysisEvaluator.Evaluate(path, SharedData.GoldFile, SharedData.SeedsDir);
            var theirs = RunScorePy(path);

            foreach (var name in new[] { "boilerplate_f1", "content_kept", "published_acc", "published_acc_all", "times_f1", "times_p", "times_r", "time_value_acc" })
            {
                Assert.True(theirs.ContainsKey(name), $"score.py printed no {name}");
                Assert.Equal(theirs[name], Math.Round(ours[name]!.Value, 3), 3);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>An analysis of the seeds: raw lines minus the gold boilerplate (one left in), times from the time layer, published from the text.</summary>
    private static JsonObject BuildAnalysis(JsonNode gold)
    {
        var documents = new JsonArray();
        var index = 0;
        foreach (var (id, g) in gold["documents"]!.AsObject())
        {
            var raw = EvalText.ReadLikePython(Path.Combine(SharedData.SeedsDir, id + ".txt"));
            var bad = g!["boilerplate"]!.AsArray().Select(b => EvalText.Norm(b!.GetValue<string>())).ToHashSet();
            var kept = EvalText.SplitLines(raw).Where((line, i) => !bad.Contains(EvalText.Norm(line)) || i == index).ToList();
            var text = string.Join('\n', kept);
            var doc = new Document(id, text);
            new TimeAnnotator().Annotate(doc);
            var times = new JsonArray();
            foreach (var m in doc.Get(Layers.Times))
            {
                times.Add(new JsonObject { ["text"] = m.Span.Of(text), ["start"] = m.Span.Start, ["end"] = m.Span.End, ["value"] = m.Value });
            }

            documents.Add(new JsonObject
            {
                ["id"] = id,
                ["title"] = index == 3 ? null : g["title"]?.GetValue<string>(),
                ["published"] = doc.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["text"] = text,
                ["times"] = times,
            });
            index++;
        }

        return new JsonObject { ["schema"] = "marsad.analysis/1", ["documents"] = documents };
    }

    private static Dictionary<string, double> RunScorePy(string analysisPath)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { SharedData.Path("tools", "score.py"), analysisPath, SharedData.GoldFile, SharedData.SeedsDir, "--only", "boilerplate,published,times" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                values[parts[0]] = v;
            }
        }

        return values;
    }
}
