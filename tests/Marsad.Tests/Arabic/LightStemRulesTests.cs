using Marsad.Arabic;

namespace Marsad.Tests.Arabic;

public class LightStemRulesTests
{
    private static string Stem(string word) => word[..LightStemRules.Default.StemLength(word)];

    [Fact]
    public void FemininePluralIsCut() => Assert.Equal("مفاوض", Stem("مفاوضات"));

    [Fact]
    public void ShortStemKeepsItsSuffix() => Assert.Equal("قوات", Stem("قوات"));

    [Fact]
    public void LongestSuffixWins() => Assert.Equal("عراق", Stem("عراقيه"));

    [Fact]
    public void OnlyOneSuffixGoes() => Assert.Equal("عراقي", Stem("عراقيات"));

    [Fact]
    public void WordWithoutSuffixIsUnchanged() => Assert.Equal("كتاب", Stem("كتاب"));

    [Fact]
    public void BadRowFailsWithTheFileName()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# Source: test. Entries: normalized.\nات\tthree\n");
            var ex = Assert.Throws<FormatException>(() => LightStemRules.Load(path));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
