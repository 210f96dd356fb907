using Marsad.Extract.Events;
using Marsad.Model;

namespace Marsad.Tests.Extract.Events;

/// <summary>Demands, threats, decisions and messages read from their grammar, on sentences written for the tests.</summary>
public sealed class SpeechActEventTests
{
    private static IReadOnlyList<EventMention> Events(string text) => EventExtractor.Default.Extract(EventTestText.Analyze(text));

    [Fact]
    public void TitleGenitiveDoesNotHideTheSpeaker()
    {
        var e = Assert.Single(Events("طالب الأمين العام للأمم المتحدة أنطونيو غوتيريش، بفتح تحقيق مستقل في الغارة."), x => x.Type == "demand");

        Assert.Contains("guterres", e.Actors);
    }

    [Fact]
    public void InformingSomeoneIsAMessageFromSubjectToObject()
    {
        var e = Assert.Single(Events("وأبلغ الرئيس الروسي فلاديمير بوتين، نظيره السوري بشار الأسد، الاثنين، عن خطط تسليم المنظومة."), x => x.Type == "message");

        Assert.NotEmpty(e.Actors);
        Assert.NotEmpty(e.Targets);
        Assert.DoesNotContain(e.Targets, e.Actors.Contains);
    }

    [Fact]
    public void SubjectBeforeTheVerbIsTheSender()
    {
        var e = Assert.Single(Events("وقالت الرئاسة السورية إن بوتين أبلغ الرئيس الأسد بأن روسيا ستسلم المنظومة."), x => x.Type == "message");

        Assert.Contains("putin", e.Actors);
    }

    [Fact]
    public void AnOrderNeedsWhatItOrders()
    {
        var e = Assert.Single(Events("أمر الرئيس فلاديمير بوتين باتخاذ إجراءات أمنية إضافية في سوريا."));

        Assert.Equal("decision", e.Type);
        Assert.Contains("putin", e.Actors);
        Assert.Empty(Events("وهو أمر يثير قلق الولايات المتحدة."));
    }

    [Fact]
    public void AttacksToStopAreNoThreat() =>
        Assert.DoesNotContain(Events("وطالب المصدر مجلس الأمن بالتحرك الفوري لوضع حد لاستمرار تلك الهجمات على السعودية."), e => e.Type is "threat" or "attack");

    [Fact]
    public void AdmittingIsNoDecision() =>
        Assert.DoesNotContain(Events("وكان التحالف العربي قد أقر في وقت سابق بتنفيذ عمل عسكري مشروع في اليمن."), e => e.Type == "decision");

    [Fact]
    public void AgreementIsPlacedWhereItWasReached()
    {
        var e = Assert.Single(Events("يذكر أن تركيا وروسيا وقعتا اتفاقا على إنشاء منطقة منزوعة السلاح بإدلب، بموجب اجتماع سوتشي، في 17 سبتمبر."), x => x.Type == "decision");

        Assert.Equal("city-sochi", e.Place);
    }

    [Fact]
    public void DeadlineOfMidMonthIsItsFifteenth()
    {
        var d = EventTestText.Analyze("ويتعين على الفصائل سحب السلاح من المنطقة بحلول منتصف الشهر الجاري.");
        var deadline = Assert.Single(DeadlineFinder.Default.Find(d));

        Assert.Equal("2024-03-15", deadline.Value);
        Assert.Contains("سلاح", deadline.Words);
    }

    [Fact]
    public void DurationLookingBackIsNoDeadline() =>
        Assert.Empty(DeadlineFinder.Default.Find(EventTestText.Analyze("وقتل عشرة مدنيين خلال الأيام الثلاثة الماضية في المدينة.")));

    [Fact]
    public void TheSourceCallsAgainAndItsCallIsMadeWhereItSits()
    {
        var events = Events("أعربت دولة الكويت عن إدانتها للهجمات الصاروخية التي استهدفت المملكة العربية السعودية.\n"
            + "وقال مصدر مسؤول في وزارة الخارجية الكويتية إن دولة الكويت تؤكد رفضها التام لتلك الهجمات.\n"
            + "وطالب المصدر المجتمع الدولي لا سيما مجلس الأمن بالتحرك الفوري لوضع حد لاستمرار تلك الهجمات، مضيفا أن هذه الممارسات لن تنال من عزم الأشقاء في المملكة العربية السعودية.");

        var demand = Assert.Single(events, e => e.Type == "demand");
        Assert.Single(demand.Actors);
        Assert.StartsWith("x-org-", demand.Actors[0], StringComparison.Ordinal);
        Assert.Contains("unsc", demand.Targets);
        Assert.Equal("cc-kw", demand.Place);
    }
}
