using Marsad.Evaluation;

namespace Marsad.Tests.Evaluation;

public sealed class MentionAlignerTests
{
    private static List<(string Gold, string System)> Align(string[] gold, string[] system) =>
        MentionAligner.Align(gold.Select((g, i) => (Text: g, Pos: (long)i)), system, g => g.Pos, g => g.Text, s => s, (_, _) => true)
            .Select(p => (p.Gold.Text, p.System)).ToList();

    [Fact]
    public void ExactMatchWinsOverOverlap() => Assert.Equal([("اليوم الخميس", "اليوم الخميس")], Align(["اليوم الخميس"], ["الخميس", "اليوم الخميس"]));

    [Fact]
    public void OverlapAlignsWhenNoExactMatch() => Assert.Equal([("منذ بداية العام", "بداية العام")], Align(["منذ بداية العام"], ["بداية العام"]));

    [Fact]
    public void AlignmentIsMonotonic() => Assert.Single(Align(["الخميس", "أمس"], ["أمس", "الخميس"]));

    [Fact]
    public void WindowLimitsTheSearch() =>
        Assert.Empty(Align(["الخميس"], Enumerable.Repeat("أمس", 12).Append("الخميس").ToArray()));
}
