using Marsad.Extract.Times;

namespace Marsad.Tests.Extract.Times;

public sealed class WeekdayCheckerTests
{
    private static IReadOnlyList<Marsad.Model.Discrepancy> Check(string text, DateOnly? reference = null) =>
        WeekdayChecker.Default.Check("doc", text, TimeExtractor.Default.Extract(text), reference);

    [Fact]
    public void WeekdayContradictingItsDateIsReported()
    {
        var found = Assert.Single(Check("أغارت الطائرات صباح اليوم الأحد (13 شباط 2024) على مواقع عدة."));

        Assert.Equal("weekday", found.Kind);
        Assert.Equal("صباح اليوم الأحد (13 شباط 2024)", found.Subject);
        Assert.Equal(["2024-02-11", "2024-02-13"], found.Claims.Select(c => c.Value));
        Assert.All(found.Claims, c => Assert.Equal("doc", c.Doc));
    }

    [Fact]
    public void MatchingWeekdayIsQuiet() => Assert.Empty(Check("ويوم الاثنين (12 شباط 2024) وقع الطرفان الاتفاق."));

    [Fact]
    public void DateThenWeekdayIsChecked() => Assert.Single(Check("جرت المباراة 14 جانفي 2018 (السبت) بملعب رادس."));

    [Fact]
    public void YearlessDateUsesTheReference() =>
        Assert.Single(Check("انطلقت الجولة يوم الأحد 7 أبريل بحضور الوفدين.", new DateOnly(2021, 4, 8)));

    [Fact]
    public void WeekdayFarFromTheDateIsNotPaired() =>
        Assert.Empty(Check("أعلن الجيش الأحد أن العملية التي بدأت في 13 شباط 2024 انتهت."));
}
