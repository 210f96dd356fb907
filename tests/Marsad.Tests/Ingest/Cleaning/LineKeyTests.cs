using Marsad.Ingest.Cleaning;

namespace Marsad.Tests.Ingest.Cleaning;

public class LineKeyTests
{
    [Fact]
    public void LettersAreNormalizedAndPunctuationSeparates() => Assert.Equal("اقرا ايضا", LineKey.Of("إقرأ أيضاً:"));

    [Fact]
    public void DigitsAreDropped() => Assert.Equal("التعليقات", LineKey.Of("التعليقات (12)"));

    [Fact]
    public void LatinIsLowercased() => Assert.Equal("read more", LineKey.Of("Read   MORE »"));

    [Fact]
    public void TatweelDoesNotSplitAWord() => Assert.Equal("الخط", LineKey.Of("+ الـخـط -"));

    [Fact]
    public void EmptyAndSymbols()
    {
        Assert.Equal("", LineKey.Of(""));
        Assert.Equal("", LineKey.Of("* * * 2024"));
        Assert.Equal(0, LineKey.WordCount(""));
        Assert.Equal(2, LineKey.WordCount("حجم الخط"));
    }
}
