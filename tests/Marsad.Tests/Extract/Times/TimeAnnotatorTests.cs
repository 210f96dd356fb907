using System.Text.Json.Nodes;
using Marsad.Evaluation;
using Marsad.Extract.Times;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract.Times;

public sealed class TimeAnnotatorTests
{
    private static readonly string[] DeterminableSeeds = ["000_4cd582845314faff", "001_a599bde84ebe1120", "002_28092db60dd5b988"];

    [Fact]
    public void ProducesTimesAndDiscrepancies()
    {
        var doc = new Document("t", "وقال الوزير اليوم الثلاثاء إن الاتفاق وقع يوم الاثنين (12 شباط 2024).")
        {
            Published = new DateOnly(2024, 2, 13),
            PublishedFrom = PublishedFrom.Metadata,
        };

        new TimeAnnotator().Annotate(doc);

        var times = doc.Get(Layers.Times);
        Assert.Equal(["2024-02-13", "2024-02-12", "2024-02-12"], times.Select(t => t.Value));
        Assert.Empty(doc.Get(Layers.Discrepancies));
        Assert.Equal(PublishedFrom.Metadata, doc.PublishedFrom);
    }

    [Fact]
    public void InfersPublishedWhenMissing()
    {
        var doc = new Document("t", "أعلن الوزير اليوم الثلاثاء أن البرلمان صوت يوم أمس الاثنين على القانون في جلسة 20 شباط 2023.");

        new TimeAnnotator().Annotate(doc);

        Assert.Equal(new DateOnly(2023, 2, 21), doc.Published);
        Assert.Equal(PublishedFrom.Text, doc.PublishedFrom);
        Assert.Equal("2023-02-21", doc.Get(Layers.Times)[0].Value);
    }

    [Fact]
    public void LeavesPublishedAloneWhenTheTextCannotFixIt()
    {
        var doc = new Document("t", "أعلن النادي الجمعة تعاقده مع مدرب جديد.");

        new TimeAnnotator().Annotate(doc);

        Assert.Null(doc.Published);
        Assert.Equal(PublishedFrom.None, doc.PublishedFrom);
        Assert.Null(doc.Get(Layers.Times)[0].Value);
    }

    [Fact]
    public void DeclaresItsLayers()
    {
        var annotator = new TimeAnnotator();

        Assert.Empty(annotator.Requires);
        Assert.Equal(["times", "discrepancies"], annotator.Produces.Select(k => k.Name));
        _ = new AnnotationPipeline([annotator]);
    }

    [SharedFact]
    public void SeedExtentsAndValuesMeetTheBar()
    {
        var gold = JsonNode.Parse(File.ReadAllText(SharedData.GoldFile))!;
        var documents = new JsonArray();
        foreach (var (id, g) in gold["documents"]!.AsObject())
        {
            var raw = EvalText.ReadLikePython(Path.Combine(SharedData.SeedsDir, id + ".txt"));
            var dct = DateOnly.Parse(g!["dct"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var expressions = TimeExtractor.Default.Extract(raw);
            var times = new JsonArray();
            foreach (var m in TimeResolver.Default.ResolveAll(raw, expressions, dct))
            {
                times.Add(new JsonObject
                {
                    ["text"] = m.Span.Of(raw),
                    ["start"] = m.Span.Start,
                    ["end"] = m.Span.End,
                    ["kind"] = m.Kind.ToString().ToUpperInvariant(),
                    ["value"] = m.Value,
                });
            }

            documents.Add(new JsonObject { ["id"] = id, ["text"] = raw, ["times"] = times });
        }

        var report = AnalysisEvaluator.Evaluate(new JsonObject { ["documents"] = documents }, gold, SharedData.SeedsDir, new HashSet<string> { "times" });

        Assert.True(report["times_f1"] >= 0.90, $"times_f1 = {report["times_f1"]:0.000} (p {report["times_p"]:0.000}, r {report["times_r"]:0.000})");
        Assert.True(report["time_value_acc"] >= 0.90, $"time_value_acc = {report["time_value_acc"]:0.000}");
    }

    [SharedFact]
    public void SeedPublishedDatesComeFromTheirText()
    {
        var gold = JsonNode.Parse(File.ReadAllText(SharedData.GoldFile))!;
        foreach (var id in DeterminableSeeds)
        {
            var doc = new Document(id, File.ReadAllText(Path.Combine(SharedData.SeedsDir, id + ".txt")));

            new TimeAnnotator().Annotate(doc);

            Assert.Equal(gold["published"]![id]!["value"]!.GetValue<string>(), doc.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(PublishedFrom.Text, doc.PublishedFrom);
        }
    }

    [SharedFact]
    public void SeedWeekdayDiscrepancyIsFound()
    {
        var gold = JsonNode.Parse(File.ReadAllText(SharedData.GoldFile))!;
        foreach (var expected in gold["discrepancies"]!.AsArray().Where(d => d!["kind"]!.GetValue<string>() == "weekday"))
        {
            var id = expected!["docs"]![0]!.GetValue<string>();
            var doc = new Document(id, File.ReadAllText(Path.Combine(SharedData.SeedsDir, id + ".txt")));

            new TimeAnnotator().Annotate(doc);

            var found = Assert.Single(doc.Get(Layers.Discrepancies), d => d.Kind == "weekday");
            Assert.All(found.Claims, c => Assert.Equal(id, c.Doc));
            Assert.Contains(EvalText.Norm(found.Subject), EvalText.Norm(expected["text"]!.GetValue<string>()));
        }
    }
}
