using Marsad.Ingest.Metadata;

namespace Marsad.Tests.Ingest.Metadata;

public class HeadlineFinderTests
{
    private static int Find(params string[] lines) => MetadataExtractor.Default.Headlines.Find(lines);

    [Fact]
    public void FirstHeadlineShapedLine() => Assert.Equal(0, Find("افتتاح جسر جديد فوق النهر في المدينة", "24 يناير 2024"));

    [Fact]
    public void KickerThenLongerHeadline() => Assert.Equal(1, Find("بعد سنوات من الانتظار", "افتتاح جسر جديد فوق النهر في المدينة القديمة"));

    [Fact]
    public void HeadlineThenShorterLineKeepsTheHeadline() => Assert.Equal(0, Find("افتتاح جسر جديد فوق النهر في المدينة القديمة", "بعد سنوات من الانتظار"));

    [Fact]
    public void SentenceWithAFullStopIsNoHeadline() => Assert.Equal(-1, Find("افتتح المحافظ جسرا جديدا فوق النهر."));

    [Fact]
    public void BylineIsNoHeadline() => Assert.Equal(1, Find("بقلم أحمد سالم", "افتتاح جسر جديد فوق النهر"));

    [Fact]
    public void NameAndPlaceAroundADashIsNoHeadline() => Assert.Equal(-1, Find("أحمد سالم - البصرة"));

    [Fact]
    public void DatelineIsNoHeadline() => Assert.Equal(-1, Find("الأربعاء 24 يناير 2024"));

    [Fact]
    public void LeadClausesWithoutFullStopAreNoHeadline() =>
        Assert.Equal(-1, Find("قال المحافظ، في كلمة ألقاها أمس، إن الجسر الجديد سيخفف الزحام عن وسط المدينة"));
}
