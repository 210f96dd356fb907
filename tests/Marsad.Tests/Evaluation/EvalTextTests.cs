using Marsad.Evaluation;

namespace Marsad.Tests.Evaluation;

public sealed class EvalTextTests
{
    [Fact]
    public void NormFoldsLikeTheReferenceScorer() => Assert.Equal("قال \"اهلا\" مدرسه الي", EvalText.Norm("  قالَ  «أهلاً»\tمدرسة إلى "));

    [Fact]
    public void OverlapReadsLeadingLilAsArticle() => Assert.True(EvalText.Overlap("للعام الماضي", "العام"));

    [Fact]
    public void OverlapNeedsText() => Assert.False(EvalText.Overlap("", "العام"));

    [Fact]
    public void SplitLinesFollowsPython() => Assert.Equal(["a", "b", "", "c"], EvalText.SplitLines("a\r\nb\u2028\nc\n"));

    [Fact]
    public void CodePointsCountSurrogatePairsOnce() => Assert.Equal(2, EvalText.CodePoints("a\U0001F600"));
}
