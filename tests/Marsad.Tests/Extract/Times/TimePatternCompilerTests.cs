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

        Assert.Equal(@"(?:كانون[\p{Zs}\t]+الثاني|كانون)\p{Zs}+", TimePatternCompiler.Expand("{M}", macros, Classes));
    }

    [Fact]
    public void UnknownNameIsReported() =>
        Assert.Throws<InvalidDataException>(() => TimePatternCompiler.Expand("{nope}", new Dictionary<string, string>(), Classes));
}
