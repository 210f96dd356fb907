using Marsad.Corpus.Events;
using Marsad.Model;
using Marsad.Tests.Extract.Events;

namespace Marsad.Tests.Corpus.Events;

public sealed class DateDiscrepancySourceTests
{
    [Fact]
    public void TwoDaysForOneStrikeAreADateDiscrepancy()
    {
        var a = EventTestText.Analyze("وقصفت طائرات أمريكية يوم الثلاثاء مواقع للفصائل في جرف الصخر.", "a");
        var b = EventTestText.Analyze("وقصفت طائرات أمريكية فجر الأربعاء مواقع للفصائل في جرف الصخر.", "b");
        var story = new Story("s1", "t", ["a", "b"], null, null);

        var d = Assert.Single(new DateDiscrepancySource().Find(story, [a, b]));

        Assert.Equal("date", d.Kind);
        Assert.Equal(["a", "b"], d.Claims.Select(c => c.Doc).Order(StringComparer.Ordinal));
        Assert.Equal(["2024-03-12", "2024-03-13"], d.Claims.Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PublicationDatesAreNoClaims()
    {
        var a = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير بطائرة مسيرة.", "a");
        var b = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير يوم الثلاثاء بطائرة مسيرة.", "b");

        Assert.Empty(new DateDiscrepancySource().Find(new Story("s1", "t", ["a", "b"], null, null), [a, b]));
    }

    [Fact]
    public void OneDayInDifferentPartsIsADateDiscrepancy()
    {
        var a = EventTestText.Analyze("وقصفت طائرات أمريكية مساء الثلاثاء مواقع للفصائل في جرف الصخر.", "a");
        var b = EventTestText.Analyze("وقصفت طائرات أمريكية في ساعة متأخرة من الثلاثاء مواقع للفصائل في جرف الصخر.", "b");
        var story = new Story("s1", "t", ["a", "b"], null, null);

        var d = Assert.Single(new DateDiscrepancySource().Find(story, [a, b]));

        Assert.Equal("date", d.Kind);
        Assert.Equal(["2024-03-12TEV", "2024-03-12TNI"], d.Claims.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.StartsWith("وقت ", d.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void OneDayInOnePartIsNoDiscrepancy()
    {
        var a = EventTestText.Analyze("وقصفت طائرات أمريكية مساء الثلاثاء مواقع للفصائل في جرف الصخر.", "a");
        var b = EventTestText.Analyze("وقصفت طائرات أمريكية مساء الثلاثاء مواقع للفصائل في جرف الصخر.", "b");

        Assert.Empty(new DateDiscrepancySource().Find(new Story("s1", "t", ["a", "b"], null, null), [a, b]));
    }
}
