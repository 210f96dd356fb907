using Marsad.Storage.Search;

namespace Marsad.Tests.Search;

public class SearchQueryBuilderTests
{
    [Fact]
    public void WordsAndQuotedPhrasesAreClauses() =>
        Assert.Equal(["هجوم", "عين الأسد", "قاعدة", "طائرة مسيرة"], SearchQueryBuilder.SplitClauses("هجوم \"عين الأسد\" قاعدة «طائرة مسيرة»"));

    [Fact]
    public void UnclosedQuoteRunsToTheEnd() => Assert.Equal(["بغداد", "عين الأسد"], SearchQueryBuilder.SplitClauses("بغداد \"عين الأسد"));

    [Fact]
    public void StopWordsMakeNoClause()
    {
        var terms = new HashSet<string>();
        Assert.Null(SearchQueryBuilder.BuildText(new ArabicSearchAnalyzer(), "في من هذا", terms));
        Assert.Empty(terms);
    }

    [Fact]
    public void NoFilterGivesNull() => Assert.Null(SearchQueryBuilder.BuildFilter(new ArabicSearchAnalyzer(), new SearchQuery { Text = "x" }));

    [Fact]
    public void EntityWithNoWordIsRejected() =>
        Assert.Throws<ArgumentException>(() => SearchQueryBuilder.BuildFilter(new ArabicSearchAnalyzer(), new SearchQuery { Entities = ["في"] }));
}
