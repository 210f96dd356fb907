using Marsad.Ingest.Metadata;

namespace Marsad.Tests.Ingest.Metadata;

public class DatelineParserTests
{
    private static DateOnly? Parse(string line) => DatelineParser.Default.TryParse(line, out var d) ? d : null;

    [Theory]
    [InlineData("3 فبراير 2022", 2022, 2, 3)]
    [InlineData("3 شباط 2022", 2022, 2, 3)]
    [InlineData("3 فيفري 2022", 2022, 2, 3)]
    [InlineData("3 كانون الثاني 2022", 2022, 1, 3)]
    [InlineData("3 كانون 2 2022", 2022, 1, 3)]
    [InlineData("3 جويلية 2022", 2022, 7, 3)]
    [InlineData("3 غشت 2022", 2022, 8, 3)]
    [InlineData("الخميس 3 أيلول 2022", 2022, 9, 3)]
    public void DayMonthNameYear(string line, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), Parse(line));

    [Fact]
    public void ArabicIndicDigits() => Assert.Equal(new DateOnly(2021, 11, 9), Parse("٩ نوفمبر ٢٠٢١"));

    [Fact]
    public void DoubleMonthName() => Assert.Equal(new DateOnly(2020, 1, 5), Parse("5 يناير/كانون الثاني 2020"));

    [Fact]
    public void MonthNameFirst() => Assert.Equal(new DateOnly(2019, 6, 14), Parse("يونيو 14، 2019"));

    [Theory]
    [InlineData("2022/3/7", 2022, 3, 7)]
    [InlineData("2022-03-07", 2022, 3, 7)]
    [InlineData("7/3/2022", 2022, 3, 7)]
    [InlineData("07-03-2022", 2022, 3, 7)]
    [InlineData("3/25/2022", 2022, 3, 25)]
    public void NumericDates(string line, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), Parse(line));

    [Theory]
    [InlineData("25 شوال 1436")]
    [InlineData("31 فبراير 2022")]
    [InlineData("الخميس الماضي")]
    [InlineData("قتل 24 شخصا في 2022")]
    [InlineData("")]
    public void NotADate(string line) => Assert.Null(Parse(line));

    [Fact]
    public void GregorianDateBesideAHijriOne() =>
        Assert.Equal(new DateOnly(2015, 8, 10), Parse("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م"));

    [Fact]
    public void WordIndexCountsTheWordsBeforeTheDate()
    {
        Assert.True(DatelineParser.Default.TryFind("القاهرة - 4 مايو 2023 - قال الوزير", out _, out var words));
        Assert.Equal(1, words);
    }
}
