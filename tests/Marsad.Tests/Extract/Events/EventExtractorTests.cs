using Marsad.Extract.Events;
using Marsad.Model;

namespace Marsad.Tests.Extract.Events;

public sealed class EventExtractorTests
{
    private static IReadOnlyList<EventMention> Events(string text) => EventExtractor.Default.Extract(EventTestText.Analyze(text));

    [Fact]
    public void AttackWithDateDroneAndSite()
    {
        var e = Assert.Single(Events("وهاجمت كتائب حزب الله يوم الثلاثاء بطائرة مسيرة قاعدة عين الأسد."));

        Assert.Equal("attack", e.Type);
        Assert.Equal("site-ain-al-asad", e.Place);
        Assert.Equal("2024-03-12", e.Date);
        Assert.Equal(EventDateSource.Clause, e.DateFrom);
        Assert.Contains("drone", e.Weapons);
        Assert.Contains("kataib-hezbollah", e.Actors);
    }

    [Fact]
    public void OneEventPerPlace()
    {
        var events = Events("واستهدفت الفصائل مساء الأحد بالصواريخ قاعدة عين الأسد وقاعدة حرير ومطار أربيل.");

        Assert.Equal(3, events.Count);
        Assert.Equal(["site-ain-al-asad", "site-erbil-airport", "site-harir"], events.Select(e => e.Place!).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal("attack", e.Type));
    }

    [Fact]
    public void StateAdjectiveMakesAnAirstrike()
    {
        var e = Assert.Single(Events("وقتل ثلاثة مقاتلين في غارة أمريكية على مقر للفصائل في القائم فجر الجمعة."));

        Assert.Equal("airstrike", e.Type);
        Assert.Equal("195", e.Cameo);
        Assert.Contains("cc-us", e.Actors);
        Assert.Equal("site-al-qaim", e.Place);
    }

    [Fact]
    public void NegatedAttackIsNoEvent() => Assert.Empty(Events("ولم تستهدف الفصائل قاعدة عين الأسد منذ أسابيع."));

    [Fact]
    public void FutureAttackIsAThreat()
    {
        var e = Assert.Single(Events("وقالت كتائب حزب الله إنها ستوجه ضربات إلى قاعدة حرير."));

        Assert.Equal("threat", e.Type);
    }

    [Fact]
    public void ConditionalAttackIsNothing() => Assert.Empty(Events("وإذا قصفت الطائرات قاعدة حرير فإن الرد سيكون قاسيا."));

    [Fact]
    public void VowToContinueAttacksIsOneThreat()
    {
        var e = Assert.Single(Events("وتوعدت كتائب حزب الله بمواصلة الهجمات على القوات الأجنبية."));

        Assert.Equal("threat", e.Type);
    }

    [Fact]
    public void CountedAttacksAreAQuantityNotEvents()
    {
        Assert.Empty(Events("وتعرضت القواعد الأجنبية إلى 40 هجوما خلال العام الماضي."));
        Assert.Empty(Events("واستهدفت أكثر من 100 ضربة القوات الأجنبية في البلاد."));
        Assert.Empty(Events("وشنت الفصائل عشرات الهجمات على القواعد."));
    }

    [Fact]
    public void PresentTenseTalksAreNotYetHeld() => Assert.Empty(Events("ويعقد الوفدان جولة محادثات في بغداد."));

    [Fact]
    public void TalksHeldInAPlace()
    {
        var e = Assert.Single(Events("وعقد العراق والولايات المتحدة يوم الأحد جولة من المحادثات في بغداد."));

        Assert.Equal("talks", e.Type);
        Assert.Equal("2024-03-10", e.Date);
        Assert.Equal(["cc-iq", "cc-us"], e.Actors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UndatedReportTakesThePublicationDate()
    {
        var e = Assert.Single(Events("وقصفت الفصائل قاعدة حرير بطائرة مسيرة."));

        Assert.Equal("2024-03-14", e.Date);
        Assert.Equal(EventDateSource.Published, e.DateFrom);
    }

    [Fact]
    public void LocatorPlaceIsNotASecondEvent()
    {
        var e = Assert.Single(Events("وقصفت الفصائل قاعدة حرير في أربيل بطائرة مسيرة."));

        Assert.Equal("site-harir", e.Place);
    }

    [Fact]
    public void CasualtiesFromNumbers()
    {
        var e = Assert.Single(Events("وقصفت الطائرات التركية مواقع في سنجار يوم السبت ما أدى إلى مقتل 4 مسلحين وإصابة 6 آخرين."));

        Assert.Equal("airstrike", e.Type);
        Assert.Equal(6, e.Injured);
    }

    [Fact]
    public void PlaceAfterASettingPhraseIsTheOtherEvents()
    {
        var events = Events("قتل فلسطينيان برصاص الجيش الإسرائيلي الاثنين على حدود قطاع غزة، قبيل ساعات من تدشين السفارة الأمريكية في القدس.");

        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Place == "city-jerusalem");
    }

    [Fact]
    public void PlaceInACompassPartOfItsCountryIsOneEvent()
    {
        var events = Events("وقتل 29 طفلا في غارة جوية استهدفت حافلة في صعدة شمالي اليمن يوم الخميس.");

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("city-saada", e.Place));
    }

    [Fact]
    public void LaunchOfMissilesIsAnAttackWithItsPartOfDay()
    {
        var e = Assert.Single(Events("أعلن التحالف أنه رصد مساء الأحد إطلاق 7 صواريخ باليستية من اليمن."));

        Assert.Equal("attack", e.Type);
        Assert.Equal(("2024-03-10", "EV"), (e.Date, e.DayPart));
    }

    [Fact]
    public void ABlastWithAnExplosiveIsAnAttack()
    {
        var e = Assert.Single(Events("قتل ثلاثة أشخاص في تفجير انتحاري في سوق ببغداد يوم الاثنين."));

        Assert.Equal("attack", e.Type);
        Assert.Equal("183", e.Cameo);
        Assert.Equal("wof-421178393", e.Place);
        Assert.Equal(3, e.Killed);
        Assert.Contains("ied", e.Weapons);
    }

    [Fact]
    public void ABlastWithNoWeaponIsNoEvent() => Assert.Empty(Events("حذر الخبراء من انفجار سكاني في مصر خلال العقد المقبل."));

    [Fact]
    public void TheBlastRefersBackAndGivesItsPlace()
    {
        // The real article's first line writes "انفجارعبوة" as one word: its toll stands for the blast, "التفجير" places it.
        var events = Events("أفادت مصادر أمنية بإصابة خمسة مدنيين بجروح في انفجارعبوة ناسفة ليلة الاثنين.\nوقد وقع التفجير بالقرب من مركز للتدليك في شارع النضال وسط بغداد.");

        var placed = Assert.Single(events, e => e.Place is not null);
        Assert.Equal("wof-421178393", placed.Place);
        Assert.Equal("2024-03-11", placed.Date);
    }

    [Fact]
    public void AtAllIsNoLaunch() => Assert.DoesNotContain(Events("أطلقت الفصائل صاروخا على قاعدة عين الأسد يوم الاثنين. ولم تكن الهجمات الأولى على الإطلاق."), e => e.Trigger.Length == "الإطلاق".Length);

    [Fact]
    public void DaysAfterAnotherEventDateIt()
    {
        var events = Events("وكان البرلمان العراقي قد صوت في 5 يناير/كانون الثاني 2020 على قرار يتضمن إخراج القوات الأجنبية من البلاد.\n"
            + "وجاء القرار بعد يومين من اغتيال قائد فيلق القدس قاسم سليماني بضربة جوية قرب مطار بغداد الدولي.");

        Assert.Contains(events, e => e.Type == "airstrike" && e.Date == "2020-01-03" && e.Place == "site-baghdad-airport");
    }

    [Fact]
    public void ItComesDaysAfterIsCountedFromThePage() =>
        Assert.Contains(Events("ويأتي ذلك بعد يومين من هجوم صاروخي على قاعدة عين الأسد."), e => e.Date == "2024-03-12" && e.Place == "site-ain-al-asad");

    [Fact]
    public void ClashesAreAnAttackWhoeverFights()
    {
        var e = Assert.Single(Events("واشتبكت القوات الإسرائيلية مع مسلحين فلسطينيين في جنين يوم الثلاثاء، ما أسفر عن مقتل مسلحين اثنين."));

        Assert.Equal("attack", e.Type);
        Assert.Equal("193", e.Cameo);
        Assert.Equal("2024-03-12", e.Date);
    }

    [Fact]
    public void RulesOfEngagementAreNoClash() =>
        Assert.Empty(Events("وقال الجيش الإسرائيلي إن قواته تلتزم بقواعد الاشتباك على حدود قطاع غزة."));
}
