using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Places;

public sealed class ProcliticsTests
{
    [Fact]
    public void ConjunctionIsStripped() => Assert.Contains(("العراق", 1, false), Proclitics.Default.Strip("والعراق"));

    [Fact]
    public void LamWithArticleRestoresTheArticleAndIsFused() => Assert.Equal(("العراق", 2, true), Proclitics.Default.Strip("للعراق").First());

    [Fact]
    public void StemKeepsAtLeastTwoLetters() => Assert.Empty(Proclitics.Default.Strip("وب"));

    [Fact]
    public void PairedProcliticsAreStrippedLongestFirst() => Assert.Equal("بغداد", Proclitics.Default.Strip("وببغداد").First().Stem);
}
