using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Tests.Extract.Times;

public sealed class TimeResolverTests
{
    private static readonly DateOnly Thursday = new(2024, 1, 25);

    private static TimeExpression Date(int? day, int? month, int? year, TimeRelation relation = TimeRelation.None) =>
        new(default, TimeKind.Date, "test") { Day = day, Month = month, Year = year, Relation = relation };

    private static string? Resolve(TimeExpression e, DateOnly? reference) => TimeResolver.Default.Resolve(e, reference);

    [Fact]
    public void FullDateNeedsNoReference() => Assert.Equal("2020-01-08", Resolve(Date(8, 1, 2020), null));

    [Fact]
    public void YearlessDateTakesTheReferenceYear() => Assert.Equal("2024-01-10", Resolve(Date(10, 1, null), Thursday));

    [Fact]
    public void YearlessDateFarAheadIsLastYear() => Assert.Equal("2023-10", Resolve(Date(null, 10, null), Thursday));

    [Fact]
    public void YearlessDateSoonAheadStaysThisYear() => Assert.Equal("2024-03-10", Resolve(Date(10, 3, null), Thursday));

    [Fact]
    public void LastMonthNameIsInThePast() => Assert.Equal("2023-01", Resolve(Date(null, 1, null, TimeRelation.Past), Thursday));

    [Fact]
    public void NextMonthNameIsInTheFuture() => Assert.Equal("2025-01", Resolve(Date(null, 1, null, TimeRelation.Next), Thursday));

    [Fact]
    public void YearlessDateWithoutReferenceKeepsXs() => Assert.Equal("XXXX-04-07", Resolve(Date(7, 4, null), null));

    [Fact]
    public void BareWeekdayIsTheLatestOnOrBefore()
    {
        var e = new TimeExpression(default, TimeKind.Date, "test") { Weekday = DayOfWeek.Tuesday };

        Assert.Equal("2024-01-23", Resolve(e, Thursday));
        Assert.Equal("2024-01-25", Resolve(e with { Weekday = DayOfWeek.Thursday }, Thursday));
    }

    [Fact]
    public void LastWeekdayIsStrictlyBefore() =>
        Assert.Equal("2024-01-18", Resolve(new TimeExpression(default, TimeKind.Date, "test") { Weekday = DayOfWeek.Thursday, Relation = TimeRelation.Past }, Thursday));

    [Fact]
    public void NextWeekdayIsStrictlyAfter() =>
        Assert.Equal("2024-02-01", Resolve(new TimeExpression(default, TimeKind.Date, "test") { Weekday = DayOfWeek.Thursday, Relation = TimeRelation.Next }, Thursday));

    [Fact]
    public void DeicticWinsOverItsWeekday() =>
        Assert.Equal("2024-01-24", Resolve(new TimeExpression(default, TimeKind.Date, "test") { DayOffset = -1, Weekday = DayOfWeek.Monday }, Thursday));

    [Fact]
    public void PartOfDayIsAppended() =>
        Assert.Equal("2024-01-25TMO", Resolve(new TimeExpression(default, TimeKind.Time, "test") { DayOffset = 0, PartOfDay = "MO" }, Thursday));

    [Fact]
    public void DeicticWithoutReferenceIsNull() => Assert.Null(Resolve(new TimeExpression(default, TimeKind.Date, "test") { DayOffset = 0 }, null));

    [Fact]
    public void RelativeWeekIsAnIsoWeek() =>
        Assert.Equal("2024-W03", Resolve(new TimeExpression(default, TimeKind.Date, "test") { Unit = TimeUnit.Week, Relation = TimeRelation.Past }, Thursday));

    [Fact]
    public void RelativeMonthCrossesTheYear() =>
        Assert.Equal("2023-12", Resolve(new TimeExpression(default, TimeKind.Date, "test") { Unit = TimeUnit.Month, Relation = TimeRelation.Past }, Thursday));

    [Fact]
    public void DurationsUseTimexUnits()
    {
        var d = new TimeExpression(default, TimeKind.Duration, "test") { Unit = TimeUnit.Hour, Quantity = 24 };

        Assert.Equal("PT24H", Resolve(d, null));
        Assert.Equal("P3M", Resolve(d with { Unit = TimeUnit.Month, Quantity = 3 }, null));
        Assert.Equal("PXY", Resolve(d with { Unit = TimeUnit.Year, Quantity = null, VagueQuantity = true }, null));
        Assert.Equal("P1.5Y", Resolve(d with { Unit = TimeUnit.Year, Quantity = 1.5m }, null));
    }

    [Fact]
    public void AgoIsADateAtTheUnitPrecision()
    {
        var e = new TimeExpression(default, TimeKind.Date, "test") { Unit = TimeUnit.Day, Quantity = 3, Ago = true };

        Assert.Equal("2024-01-22", Resolve(e, Thursday));
        Assert.Equal("2022", Resolve(e with { Unit = TimeUnit.Year, Quantity = 2 }, Thursday));
        Assert.Equal("PAST_REF", Resolve(e with { Quantity = null, VagueQuantity = true }, Thursday));
    }

    [Fact]
    public void HijriDateUsesUmmAlQura()
    {
        var e = new TimeExpression(default, TimeKind.Date, "test") { Day = 1, Month = 10, Year = 1445, Hijri = true };

        Assert.Equal("2024-04-10", Resolve(e, null));
        Assert.Equal("2024-03", Resolve(e with { Day = null, Month = 9 }, null));
        Assert.Equal("2024", Resolve(e with { Day = null, Month = null }, null));
    }

    [Fact]
    public void HijriYearOutOfTheCalendarIsNull() =>
        Assert.Null(Resolve(new TimeExpression(default, TimeKind.Date, "test") { Day = 1, Month = 1, Year = 1700, Hijri = true }, null));

    [Fact]
    public void WeekdayBesideADateFollowsTheDate()
    {
        const string text = "وقع الهجوم فجر اليوم الأحد (13 شباط 2024) على المواقع.";
        var expressions = TimeExtractor.Default.Extract(text);

        var mentions = TimeResolver.Default.ResolveAll(text, expressions, new DateOnly(2024, 2, 13));

        Assert.Equal(["2024-02-13TMO", "2024-02-13"], mentions.Select(m => m.Value));
    }

    [Fact]
    public void SetOfWeekdaysUsesTimexWeekNotation() =>
        Assert.Equal("XXXX-WXX-5", Resolve(new TimeExpression(default, TimeKind.Set, "test") { Weekday = DayOfWeek.Friday }, null));
}
