using Marsad.Extract.Events;
using Marsad.Model;

namespace Marsad.Tests.Extract.Events;

/// <summary>Roles, places, dates and tolls read from the clause and sentence; what only looks like an attack is none.</summary>
public sealed class EventRoleTests
{
    private static IReadOnlyList<EventMention> Events(string text) => EventExtractor.Default.Extract(EventTestText.Analyze(text));

    [Fact]
    public void TollIsReadFromTheSentence()
    {
        var e = Assert.Single(Events("قتل 11 طفلا في غارة جوية أمريكية على مقر للفصائل في القائم فجر الجمعة."));

        Assert.Equal("airstrike", e.Type);
        Assert.Equal(11, e.Killed);
    }

    [Fact]
    public void KillingByAStatesFireIsAnAttackWithItsAgent()
    {
        var e = Assert.Single(Events("قتل 25 شخصا برصاص الجيش الأمريكي يوم الثلاثاء في مدينة القائم."));

        Assert.Equal("attack", e.Type);
        Assert.Equal(25, e.Killed);
        Assert.Equal("2024-03-12", e.Date);
    }

    [Fact]
    public void AStruckTownIsThePlaceNotTheActor()
    {
        var e = Assert.Single(Events("وأعلنت الدفاعات الجوية أنها اعترضت صاروخا باليستيا استهدف أربيل مساء الثلاثاء."));

        Assert.NotNull(e.Place);
        Assert.DoesNotContain(e.Place, e.Actors);
    }

    [Fact]
    public void NamingIsNoLaunch() => Assert.Empty(Events("وأطلقت عليها الفصائل اسم الطائرة المسيرة صماد في بغداد."));

    [Fact]
    public void ADeadlineAfterPublicationNeverDatesTheEvent()
    {
        var e = Assert.Single(Events("واستهدفت كتائب حزب الله قاعدة عين الأسد بطائرة مسيرة قبل انتهاء المهلة في 20 آذار 2024."));

        Assert.NotEqual("2024-03-20", e.Date);
    }

    [Fact]
    public void TollsSinceADateAreNoEvent() => Assert.Empty(Events("وقتل 46 شخصا في مدينة القائم منذ بدء الاحتجاجات في 30 كانون الثاني."));
}
