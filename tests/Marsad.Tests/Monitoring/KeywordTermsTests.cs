using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Monitoring;
using Marsad.Storage.Search;

namespace Marsad.Tests.Monitoring;

/// <summary>Watchlist keywords read words as search does: the same terms as the search analyzer, so clitics and spellings match.</summary>
public sealed class KeywordTermsTests
{
    private const string Text = "وأعلنت المقاومةُ الإسلامية في العراق، الجمعة، استهداف قاعدة عين الاسد بطائرتين مسيّرتين وللحكومتها 2500 جندي والقوات الأميركية Euronews.";

    [Fact]
    public void TermsAreTheSearchAnalyzersTerms()
    {
        Assert.Equal(Analyzed(Text), KeywordTerms.Default.Terms(Text).Select(t => t.Term));
    }

    [Theory]
    [InlineData("المقاومة الإسلامية في العراق", "المقاومةُ الإسلامية في العراق")]
    [InlineData("عين الأسد", "عين الاسد")]
    [InlineData("القاعدة", "قاعدة")]
    [InlineData("طائرتين", "بطائرتين")]
    [InlineData("euronews", "Euronews")]
    public void AKeywordFindsItsWordsWithCliticsAndSpellings(string keyword, string found)
    {
        var terms = KeywordTerms.Default.Terms(Text);
        var span = KeywordTerms.Find(terms, [.. KeywordTerms.Default.Terms(keyword).Select(t => t.Term)]);
        Assert.NotNull(span);
        Assert.Contains(found, Text[span.Value.Start..span.Value.End], StringComparison.Ordinal);
    }

    [Fact]
    public void AKeywordWhoseWordsAreApartIsNotFound()
    {
        var terms = KeywordTerms.Default.Terms(Text);
        Assert.Null(KeywordTerms.Find(terms, [.. KeywordTerms.Default.Terms("العراق الجمعة استهداف عين").Select(t => t.Term)]));
    }

    private static List<string> Analyzed(string text)
    {
        using var analyzer = new ArabicSearchAnalyzer();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
