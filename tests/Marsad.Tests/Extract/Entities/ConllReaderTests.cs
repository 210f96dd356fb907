using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class ConllReaderTests
{
    [Fact]
    public void BlankLinesSeparateSentences()
    {
        var sentences = ConllReader.Read(["زار B-PERS", "دمشق B-LOC", "", "", "امس O"]).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["زار", "دمشق"], sentences[0].Tokens);
        Assert.Equal(["O"], sentences[1].Tags);
    }

    [Fact]
    public void TagIsTheLastFieldAndTokensMayContainSpaces()
    {
        Assert.Equal(("ابو ظبي", "B-LOC"), ConllReader.Split("ابو ظبي B-LOC"));
    }

    [Fact]
    public void TabSeparatedTokenIsTheFirstField()
    {
        Assert.Equal(("بغداد", "B-GPE"), ConllReader.Split("بغداد\tNOUN\tB-GPE"));
    }

    [Fact]
    public void CarriageReturnAndDirectionMarksAreIgnored()
    {
        var sentence = ConllReader.Read(["\u200Eبغداد\tB-LOC\r"]).Single();
        Assert.Equal("بغداد", sentence.Tokens[0]);
        Assert.Equal("B-LOC", sentence.Tags[0]);
    }
}
