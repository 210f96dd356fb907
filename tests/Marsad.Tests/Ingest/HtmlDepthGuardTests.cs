using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>
/// The depth guard counts what an HTML5 parser (scripting off) really opens, so markup built to nest deeply goes to the
/// linear scanner instead of the tree builder.
/// </summary>
public class HtmlDepthGuardTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    [Fact]
    public void ASelfClosingSlashOnADivStillOpensIt() =>
        Assert.True(HtmlMarkupScanner.EstimateDepth(Repeat("<div/>", 5000)) >= 5000);

    [Theory]
    [InlineData("noscript")]
    [InlineData("template")]
    public void MarkupInsideNoscriptAndTemplateIsCounted(string wrapper) =>
        Assert.True(HtmlMarkupScanner.EstimateDepth($"<{wrapper}>{Repeat("<span>", 3000)}</{wrapper}>") >= 3000);

    [Fact]
    public void AStrayQuoteInATagDoesNotHideTheMarkupAfterIt() =>
        Assert.True(HtmlMarkupScanner.EstimateDepth("<p title=a\"b>" + Repeat("<div>", 3000)) >= 3000);

    [Fact]
    public void VoidElementsRawTextAndSelfClosedSvgShapesDoNotCount()
    {
        var page = "<html><body><p>نص<br/><img src=x.png/>" + Repeat("<svg><path d='M0'/><circle/></svg>", 500)
            + "<script>" + Repeat("<div>", 500) + "</script><textarea>" + Repeat("<b>", 500) + "</textarea></p></body></html>";
        Assert.True(HtmlMarkupScanner.EstimateDepth(page) < 5);
    }

    [Fact]
    public void SixHundredKilobytesOfSelfClosedDivsAreReadLinearlyWithAWarning()
    {
        var html = "<html><body>" + Repeat("<div/>", 100_000) + "<p>قال المتحدث إن الاجتماع سيعقد يوم الأحد.</p></body></html>";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var extraction = HtmlArticleExtractor.Extract(html);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("الاجتماع سيعقد", extraction.Text, StringComparison.Ordinal);
        Assert.StartsWith("markup nested deeper than", Assert.Single(extraction.Warnings), StringComparison.Ordinal);
    }
}
