using Marsad.Corpus.Events;
using Marsad.Extract.Events;
using Marsad.Model;
using Marsad.Tests.Extract.Events;

namespace Marsad.Tests.Corpus.Events;

public sealed class EventMergerTests
{
    private static Story StoryOf(params Document[] documents) => new("s1", "t", documents.Select(d => d.Id).ToList(), null, null);

    [Fact]
    public void SameStrikeInTwoOutletsIsOneEventWithNestedPlace()
    {
        var a = EventTestText.Analyze("وقصفت طائرات أمريكية يوم الثلاثاء مواقع للفصائل في جرف الصخر.", "a", "وكالة الأولى");
        var b = EventTestText.Analyze("وشنت الطائرات الأمريكية غارات على مواقع في محافظة بابل يوم الأربعاء.", "b", "الصحيفة الثانية");

        var events = EventMerger.Default.Merge([StoryOf(a, b)], [a, b]);

        var e = Assert.Single(events);
        Assert.Equal("airstrike", e.Type);
        Assert.Equal("site-jurf-al-sakhar", e.Place);
        Assert.Equal(2, e.Documents);
        Assert.Equal(2, e.Outlets);
        Assert.Equal("v1", e.Id);
    }

    [Fact]
    public void DifferentPlacesStayApart()
    {
        var a = EventTestText.Analyze("وقصفت طائرات أمريكية يوم الثلاثاء مواقع للفصائل في جرف الصخر.", "a");
        var b = EventTestText.Analyze("وقصفت طائرات أمريكية يوم الثلاثاء مواقع للفصائل في القائم.", "b");

        Assert.Equal(2, EventMerger.Default.Merge([StoryOf(a, b)], [a, b]).Count);
    }

    [Fact]
    public void DistantDatesStayApart()
    {
        var a = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير في 2 آذار 2024 بطائرة مسيرة.", "a");
        var b = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير في 12 آذار 2024 بطائرة مسيرة.", "b");

        Assert.Equal(2, EventMerger.Default.Merge([StoryOf(a, b)], [a, b]).Count);
    }

    [Fact]
    public void DocumentsOfDifferentStoriesAreNotMerged()
    {
        var a = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير يوم الثلاثاء بطائرة مسيرة.", "a");
        var b = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير يوم الثلاثاء بطائرة مسيرة.", "b");

        Assert.Equal(2, EventMerger.Default.Merge([StoryOf(a), new Story("s2", "t", ["b"], null, null)], [a, b]).Count);
    }

    [Fact]
    public void BareMentionJoinsItsDocumentsEvent()
    {
        var a = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير يوم الثلاثاء بطائرة مسيرة. وأثار القصف غضبا واسعا.", "a");

        var e = Assert.Single(EventMerger.Default.Merge([StoryOf(a)], [a]));

        Assert.Equal(2, e.Mentions.Count);
        Assert.Contains(a.Get(EventLayers.Events), m => m.Anaphoric);
    }

    [Fact]
    public void OneTextsTwoDaysAreTwoEvents()
    {
        // Sources may disagree by a day; one text does not: "the second blast within 24 hours".
        var a = EventTestText.Analyze("أصيب خمسة مدنيين في انفجار عبوة ناسفة في بغداد ليلة الاثنين. وكانت عبوة ناسفة قد انفجرت في ساحة ميسلون ببغداد يوم الأحد.", "a");

        var events = EventMerger.Default.Merge([StoryOf(a)], [a]);

        Assert.Equal(["2024-03-10", "2024-03-11"], events.Select(e => e.Date!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ANightAndTheNextDawnMayBeOneEvent()
    {
        var a = EventTestText.Analyze("وقصفت الفصائل قاعدة حرير ليلة الاثنين بطائرة مسيرة. واستهدفت طائرة مسيرة قاعدة حرير فجر الثلاثاء.", "a");

        Assert.Single(EventMerger.Default.Merge([StoryOf(a)], [a]));
    }

    [Fact]
    public void CompatibleDates()
    {
        Assert.True(EventMerger.DatesAgree("2024-01-23", "2024-01-25"));
        Assert.False(EventMerger.DatesAgree("2024-01-20", "2024-01-25"));
        Assert.True(EventMerger.DatesAgree("2024-01", "2024-01-25"));
        Assert.True(EventMerger.DatesAgree(null, "2024-01-25"));
        Assert.False(EventMerger.DatesAgree("2023", "2024-01-25"));
    }
}
