using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public class PublishedDateParserTests
{
    [Theory]
    [InlineData("2018-02-14")]
    [InlineData("2018-02-14T12:00:00Z")]
    [InlineData("2018-02-14T12:00:00.123+03:00")]
    [InlineData("2018-02-14T23:30:00-0500")]
    [InlineData("2018-02-14 12:00:00")]
    [InlineData("2018/02/14")]
    [InlineData("14/02/2018")]
    [InlineData("14-02-2018 12:00")]
    [InlineData("Wed, 14 Feb 2018 12:00:00 +0300")]
    [InlineData("Wed, 14 Feb 2018 12:00:00 GMT")]
    [InlineData("14 Feb 2018 12:00 AST")]
    [InlineData("Wed, 14 Feb 18 12:00:00 EEST")]
    [InlineData("February 14, 2018")]
    [InlineData("Feb 14, 2018 3:45 PM")]
    [InlineData("14 February 2018")]
    [InlineData("٢٠١٨-٠٢-١٤")]
    [InlineData("1518609600")]
    public void CommonFormatsGiveTheDate(string value) =>
        Assert.Equal(new DateOnly(2018, 2, 14), PublishedDateParser.Parse(value));

    [Fact]
    public void TheZoneNeverMovesTheDay() =>
        Assert.Equal(new DateOnly(2018, 2, 14), PublishedDateParser.Parse("2018-02-14T23:30:00+04:00"));

    [Theory]
    [InlineData("")]
    [InlineData("غدا")]
    [InlineData("2018-02-30")]
    [InlineData("2018-13-01")]
    [InlineData("1066-10-14")]
    [InlineData("Wed, 14 Foo 2018")]
    [InlineData("2018-02-14 and more text")]
    public void NonDatesGiveNothing(string value) => Assert.Null(PublishedDateParser.Parse(value));

    [Fact]
    public void MillisecondTimeStampsAreRead() =>
        Assert.Equal(new DateOnly(2018, 2, 14), PublishedDateParser.Parse("1518609600000"));
}
