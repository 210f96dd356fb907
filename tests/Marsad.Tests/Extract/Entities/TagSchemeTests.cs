using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class TagSchemeTests
{
    [Fact]
    public void SingleTokenChunkBecomesS()
    {
        Assert.Equal(["O", "S-LOC", "O"], TagScheme.ToBioes(["O", "B-LOC", "O"]));
    }

    [Fact]
    public void LastTokenOfALongChunkBecomesE()
    {
        Assert.Equal(["B-ORG", "I-ORG", "E-ORG"], TagScheme.ToBioes(["B-ORG", "I-ORG", "I-ORG"]));
    }

    [Fact]
    public void BioesReadsBackAsBio()
    {
        Assert.Equal("B-PERS", TagScheme.ToBio("S-PERS"));
        Assert.Equal("I-PERS", TagScheme.ToBio("E-PERS"));
        Assert.Equal("O", TagScheme.ToBio("O"));
    }
}
