using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Evaluation;

public sealed class StoryDatingEvaluatorTests(ITestOutputHelper output)
{
    [SharedFact]
    public void SiblingsAndWeekdaysDateCorpusReportsBetterThanTheMostCommonDate()
    {
        var articles = ArticleReader.Read(SharedData.Path("data", "corpus", "ant_v1.1_jawharafm.jsonl.gz"))
            .Select(o => o.Article).OfType<RawArticle>().Take(3000).ToList();
        var documents = DocumentAnalyzer.Default.AnalyzeAll(articles).Select(o => o.Document).OfType<Document>().ToList();
        var stories = StoryClusterer.Cluster(documents.Where(d => d.Has(Layers.Tokens)));
        var metrics = StoryDatingEvaluator.Evaluate(stories, documents).ToDictionary(m => m.Name, m => m.Value);
        output.WriteLine(string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value:0.###}")));

        Assert.True(metrics["documents"] > 300, "too few dated documents in stories to measure");
        Assert.True(metrics["most_common_weekdays_exact"] > metrics["most_common_exact"] + 0.03);
        Assert.True(metrics["story_dater_exact"] > metrics["most_common_weekdays_exact"]);
        Assert.True(metrics["story_dater_within_1_day"] > metrics["most_common_within_1_day"]);
    }

    [Fact]
    public void OnlyMetadataDatesAreTruth()
    {
        var a = new Document("a", "نص") { Published = new DateOnly(2024, 1, 24), PublishedFrom = PublishedFrom.Metadata };
        var b = new Document("b", "قال المتحدث الجمعة إن الوفد وصل.") { Published = new DateOnly(2024, 1, 26), PublishedFrom = PublishedFrom.Metadata };
        var c = new Document("c", "نص") { Published = new DateOnly(2024, 1, 24), PublishedFrom = PublishedFrom.Text };
        var metrics = StoryDatingEvaluator.Evaluate([new Story("s", "t", ["a", "b", "c"], null, null)], [a, b, c]).ToDictionary(m => m.Name, m => m.Value);
        Assert.Equal(2, metrics["documents"]);
        Assert.Equal(0.5, metrics["most_common_exact"]);
        Assert.Equal(1.0, metrics["most_common_weekdays_exact"]);
        Assert.Equal(1.0, metrics["story_dater_exact"]);
    }
}
