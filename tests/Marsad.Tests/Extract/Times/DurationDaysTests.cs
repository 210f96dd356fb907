using Marsad.Extract.Times;

namespace Marsad.Tests.Extract.Times;

public sealed class DurationDaysTests
{
    [Theory]
    [InlineData("P2D", false, 2)]
    [InlineData("P1W", false, 7)]
    [InlineData("PT48H", false, 2)]
    [InlineData("P1M", true, 30)]
    [InlineData("P1M", false, null)]
    [InlineData("PT5H", false, null)]
    [InlineData("P2Y", true, null)]
    [InlineData("PAST_REF", false, null)]
    public void WholeDaysOfADuration(string value, bool months, int? days) => Assert.Equal(days, DurationDays.Of(value, months));
}
