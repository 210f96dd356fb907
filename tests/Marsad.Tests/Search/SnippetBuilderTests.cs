using Marsad.Storage.Search;

namespace Marsad.Tests.Search;

public class SnippetBuilderTests
{
    private static readonly ArabicSearchAnalyzer Analyzer = new();

    private static Snippet Build(string text, int max, params string[] terms) =>
        SnippetBuilder.Build(Analyzer, SearchFields.Text, text, terms.ToHashSet(StringComparer.Ordinal), max);

    [Fact]
    public void ShortTextIsWholeWithItsMatches()
    {
        var s = Build("وصلت القوات إلى المدينة", 200, "قوات");
        Assert.Equal("وصلت القوات إلى المدينة", s.Text);
        Assert.Equal(["القوات"], s.Highlights.Select(h => h.Of(s.Text)));
    }

    [Fact]
    public void WindowWithMoreDistinctTermsWins()
    {
        var filler = string.Concat(Enumerable.Repeat("كلام عام آخر ", 30));
        var text = "القوات هنا. " + filler + "انسحاب القوات تم. " + filler;
        var s = Build(text, 80, "قوات", "انسحاب");
        Assert.Equal(["انسحاب", "القوات"], s.Highlights.Select(h => h.Of(s.Text)));
    }

    [Fact]
    public void NoMatchGivesTheBeginningCutAtAWord()
    {
        var s = Build(string.Concat(Enumerable.Repeat("كلام عام ", 50)), 30);
        Assert.EndsWith("…", s.Text, StringComparison.Ordinal);
        Assert.StartsWith("كلام عام", s.Text, StringComparison.Ordinal);
        Assert.Empty(s.Highlights);
    }

    [Fact]
    public void ZeroLengthIsEmpty() => Assert.Same(Snippet.Empty, Build("نص", 0, "نص"));
}
