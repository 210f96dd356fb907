using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Places;

public sealed class GeoDistanceTests
{
    [Fact]
    public void BaghdadToErbilIsAboutThreeHundredKilometres() => Assert.InRange(GeoDistance.Km(33.31, 44.37, 36.19, 44.01), 310, 330);

    [Fact]
    public void SamePointIsZero() => Assert.Equal(0, GeoDistance.Km(33.3, 44.4, 33.3, 44.4), 6);
}
