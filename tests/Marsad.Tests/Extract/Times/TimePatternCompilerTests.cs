using System.Text.RegularExpressions;
using Marsad.Extract.Times;

namespace Marsad.Tests.Extract.Times;

public sealed class TimePatternCompilerTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Classes = new() { ["month"] = ["كانون الثاني", "كانون"], ["period"] = ["العام"] };

    [Fact]
    public void LongestFormComesFirst() =>
        Assert.Equal("كانون الثاني", Regex.Match("كانون الثاني", TimePatternCompiler.Expand("{month}", new Dictionary<string, string>(), Classes)).Value);

    [Fact]
    public void SpaceInAFormMatchesAnyHorizontalSpace() =>
        Assert.Matches(TimePatternCompiler.Expand("^{month}$", new Dictionary<string, string>(), Classes), "كانون\u00A0 الثاني");

    [Fact]
    public void ArticleFormMatchesAfterFusedLam() =>
        Assert.Equal("لعام", Regex.Match("للعام", TimePatternCompiler.Expand("{period}", new Dictionary<string, string>(), Classes)).Value);

    [Fact]
    public void MacrosExpandRecursivelyButUnicodeClassesStay()
    {
        var macros = new Dictionary<string, string> { ["SP"] = @"\p{Zs}+", ["M"] = "{month}{SP}" };

        Assert.Equal(@"(?:كانون(?:[\p{Zs}\t]+الثاني)?)\p{Zs}+", TimePatternCompiler.Expand("{M}", macros, Classes));
    }

    [Fact]
    public void FormsShareTheirPrefixesAndTheLongerIsTriedFirst()
    {
        string[] units = ["اسبوع", "اسبوعان", "اسبوعين", "اسابيع", "ايام", "العام", "الاعوام"];
        var tree = TimePatternCompiler.Alternation(units);

        Assert.Equal("(?:ا(?:س(?:بوع(?:ان|ين)?|ابيع)|يام)|(?:ال|(?<=ل)ل)(?:اعوام|عام))", tree);

        // Without a word end after it, the longest form that matches is still the one taken, as in a flat list.
        foreach (var text in new[] { "اسبوعين", "اسبوعان", "اسبوع", "اسابيع", "للاعوام", "العام" })
        {
            Assert.Equal(Regex.Match(text, FlatAlternation(units)).Value, Regex.Match(text, tree).Value);
        }
    }

    [Fact]
    public void ArticleBesideAFormWithLamStaysAFlatList()
    {
        // "(?:ال|(?<=ل)ل)عام" and "لعام" can match the same text: only the flat longest-first list keeps their order.
        Assert.Equal("(?:لعامين|العام)", TimePatternCompiler.Alternation(["العام", "لعامين"]).Replace("(?:ال|(?<=ل)ل)", "ال"));
    }

    private static string FlatAlternation(IEnumerable<string> forms) =>
        "(?:" + string.Join('|', forms.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => f.StartsWith("ال", StringComparison.Ordinal) ? "(?:ال|(?<=ل)ل)" + f[2..] : f)) + ")";

    [Fact]
    public void UnknownNameIsReported() =>
        Assert.Throws<InvalidDataException>(() => TimePatternCompiler.Expand("{nope}", new Dictionary<string, string>(), Classes));
}
