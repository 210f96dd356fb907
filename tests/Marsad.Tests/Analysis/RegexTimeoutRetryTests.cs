using System.Text.RegularExpressions;
using Marsad.Analysis;
using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Tests.Analysis;

/// <summary>
/// A regex match timeout (a pattern's first match outlasting it on a loaded machine) costs the article a second
/// analysis, not the article; a pattern that times out every time still fails it, once more only.
/// </summary>
public sealed class RegexTimeoutRetryTests
{
    [Fact]
    public void AnArticleWhoseMatchTimedOutOnceIsAnalyzedAgain()
    {
        var flaky = new TimingOut(failures: 1);
        var outcome = Analyze(flaky);
        Assert.NotNull(outcome.Document);
        Assert.Empty(outcome.AnnotatorFailures);
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public void AMatchThatAlwaysTimesOutFailsAfterOneMoreTry()
    {
        var stuck = new TimingOut(failures: int.MaxValue);
        var outcome = Analyze(stuck);
        Assert.IsType<RegexMatchTimeoutException>(Assert.Single(outcome.AnnotatorFailures).Exception);
        Assert.Equal(2, stuck.Calls);
    }

    private static AnalysisOutcome Analyze(IAnnotator annotator)
    {
        var analyzer = new DocumentAnalyzer(ArticleCleaner.Default, new AnnotationPipeline([annotator]));
        var article = new RawArticle { Id = "a1", SourcePath = "a1.txt", Kind = SourceKind.Text, Content = "نص قصير للتجربة.\n" };
        return Assert.Single(analyzer.AnalyzeAll([article], threads: 1));
    }

    private sealed class TimingOut(int failures) : IAnnotator
    {
        public int Calls { get; private set; }

        public string Name => "timing-out";

        public IReadOnlyList<ILayerKey> Requires => [];

        public IReadOnlyList<ILayerKey> Produces => [];

        public void Annotate(Document document)
        {
            if (Calls++ < failures)
            {
                throw new RegexMatchTimeoutException("نص", "x+", TimeSpan.FromMilliseconds(1));
            }
        }
    }
}
