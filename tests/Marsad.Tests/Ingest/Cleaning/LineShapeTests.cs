using Marsad.Ingest.Cleaning;

namespace Marsad.Tests.Ingest.Cleaning;

public class LineShapeTests
{
    [Fact]
    public void WordsCountOnlyTokensWithLettersOrDigits() => Assert.Equal(3, LineShape.Of("قال - الوزير 2024 :").Words);

    [Fact]
    public void SentenceEndIsSeenPastClosingQuotes()
    {
        Assert.True(LineShape.Of("وقال: «سنواصل العمل.»").EndsSentence);
        Assert.True(LineShape.Of("هل انتهت الأزمة؟").EndsSentence);
        Assert.False(LineShape.Of("جنود في الميدان (أرشيف)").EndsSentence);
    }

    [Fact]
    public void LatinShare()
    {
        Assert.Equal(1.0, LineShape.Of("Please subscribe").LatinShare);
        Assert.Equal(0.0, LineShape.Of("اشترك الآن").LatinShare);
    }

    [Fact]
    public void WebAddress() => Assert.True(LineShape.Of("www.example.com").HasUrl);

    [Fact]
    public void SymbolsOnly() => Assert.True(LineShape.Of("— * —").IsSymbolsOnly);
}
