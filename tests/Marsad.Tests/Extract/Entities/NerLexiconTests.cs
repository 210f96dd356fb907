using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class NerLexiconTests
{
    private static readonly NerLexicon Lexicon = new(
        [("بغداد", "0101", 100), ("غداد", "0110", 1), ("رياض", "1", 500), ("والي", "11", 300)],
        [("بغداد", GazetteerKinds.Locality), ("الولايات المتحده", GazetteerKinds.Country)],
        ["وبال", "وال", "بال", "لل", "ال", "و", "ب", "ل"]);

    [Fact]
    public void ArticleSequencesAreStripped()
    {
        Assert.Equal(3, Lexicon.ProcliticLength("بالعراق", out var article));
        Assert.True(article);
        Assert.Equal(4, Lexicon.ProcliticLength("وبالعراق", out _));
    }

    [Fact]
    public void BareParticleKeptWhenTheWordIsKnown()
    {
        Assert.Equal(0, Lexicon.ProcliticLength("بغداد", out _));
    }

    [Fact]
    public void BareParticleStrippedFromAnUnknownWord()
    {
        Assert.Equal(1, Lexicon.ProcliticLength("ورياض", out var article));
        Assert.False(article);
    }

    [Fact]
    public void StemMustKeepTwoLetters()
    {
        Assert.Equal(0, Lexicon.ProcliticLength("ال", out _));
    }

    [Fact]
    public void LookupFormKeepsTheArticle()
    {
        Assert.Equal("العراق", Lexicon.LookupForm("وبالعراق"));
        Assert.Equal("العراق", Lexicon.LookupForm("للعراق"));
        Assert.Equal("بغداد", Lexicon.LookupForm("بغداد"));
    }

    [Fact]
    public void NamesAndClustersAreFound()
    {
        Assert.Equal(GazetteerKinds.Locality, Lexicon.Name("بغداد"));
        Assert.Equal("0101", Lexicon.Cluster("بغداد"));
        Assert.Null(Lexicon.Cluster("دمشق"));
        var key = NerLexicon.PhraseNext(NerLexicon.PhraseNext(NerLexicon.PhraseStart(), FeatureHash.Of("الولايات")), FeatureHash.Of("المتحده"));
        Assert.Equal(GazetteerKinds.Country, Lexicon.Phrase(key));
    }

    [Fact]
    public void UnknownKindIsAnErrorThatListsTheValidOnes()
    {
        var error = Assert.Throws<InvalidDataException>(() => NerLexicon.ParseKinds("City", "test.tsv"));
        Assert.Contains("Locality", error.Message);
    }
}
