using Marsad.Analysis;
using Marsad.Export;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Robustness;

/// <summary><see cref="DocumentAnalyzer.AnalyzeAll"/> on many threads gives what one thread gives, in the same order.</summary>
public class ParallelAnalysisTests
{
    [SharedFact]
    public void ManyThreadsWriteTheSameJsonAsOneThread()
    {
        var articles = new List<RawArticle>();
        foreach (var file in new[] { "ant_v2.1_multisource.jsonl.gz", "saudinewsnet.jsonl.gz" })
        {
            articles.AddRange(ArticleReader.Read(SharedData.Path("data", "corpus", file))
                .Where(o => o.Article is not null).Select(o => o.Article!).Take(150));
        }

        var context = CleanerContext.Build(articles);

        // Many threads first, while the shared word caches are still filling up in a racy order.
        var many = Json(NewAnalyzer().AnalyzeAll(articles, context, threads: 4));
        var one = Json(NewAnalyzer().AnalyzeAll(articles, context, threads: 1));

        Assert.Equal(300, one.Count);
        Assert.Equal(one.Count, many.Count);
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(one[i], many[i]);
        }
    }

    [Fact]
    public void OutcomesComeBackInInputOrder()
    {
        var articles = Enumerable.Range(0, 64)
            .Select(i => new RawArticle
            {
                Id = $"doc{i:D2}",
                SourcePath = $"doc{i:D2}.txt",
                Kind = SourceKind.Text,
                Content = $"خبر رقم {i} عن اجتماع الوزراء في بغداد يوم الأحد.\nوقال المتحدث إن الاجتماع انتهى.",
            })
            .ToList();

        var ids = DocumentAnalyzer.Default.AnalyzeAll(articles, threads: 4).Select(o => o.Document!.Id).ToList();

        Assert.Equal(articles.Select(a => a.Id), ids);
    }

    private static DocumentAnalyzer NewAnalyzer() => new(ArticleCleaner.Default, DefaultPipeline.Create());

    private static List<string> Json(IEnumerable<AnalysisOutcome> outcomes) =>
        outcomes.Select(o => o.Document is { } d ? AnalysisJson.DocumentJson(d) : "failed: " + o.Failure!.Message).ToList();
}
