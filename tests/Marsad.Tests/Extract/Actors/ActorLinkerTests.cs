using Marsad.Extract.Actors;

namespace Marsad.Tests.Extract.Actors;

public sealed class ActorLinkerTests
{
    private static IReadOnlyList<LinkedMention> Link(string text, DateOnly? date, params (string, string)[] mentions) =>
        ActorLinker.Default.Link(text, LinkTestText.Mentions(text, mentions), date);

    [Fact]
    public void FullNameThenSurnameShareTheActorId()
    {
        var text = "التقى محمد شياع السوداني الوفد، وقال السوداني إن الحوار مستمر";
        var linked = Link(text, new DateOnly(2024, 2, 1), ("محمد شياع السوداني", "PER"), ("السوداني", "PER"));
        Assert.All(linked, l => Assert.Equal("sudani", l.Ref));
    }

    [Fact]
    public void DatedTitleResolvesToTheHolderOnTheDocumentDate()
    {
        var text = "استقبل رئيس الوزراء العراقي وفدا رسميا";
        Assert.Equal("kadhimi", Link(text, new DateOnly(2021, 6, 1), ("رئيس الوزراء العراقي", "PER"))[0].Ref);
        Assert.Equal("sudani", Link(text, new DateOnly(2024, 3, 1), ("رئيس الوزراء العراقي", "PER"))[0].Ref);
        Assert.Equal("abadi", Link(text, new DateOnly(2016, 3, 1), ("رئيس الوزراء العراقي", "PER"))[0].Ref);
    }

    [Fact]
    public void TitleThatNamesNoCountryFollowsTheDocumentsCountry()
    {
        var iraq = "قال رئيس الوزراء في بغداد إن العراق لن يكون ساحة للصراع";
        var israel = "قال رئيس الوزراء في تل أبيب إن إسرائيل سترد";
        var date = new DateOnly(2024, 4, 1);
        Assert.Equal("sudani", Link(iraq, date, ("رئيس الوزراء", "PER"), ("بغداد", "GPE"), ("العراق", "GPE"))[0].Ref);
        Assert.Equal("netanyahu", Link(israel, date, ("رئيس الوزراء", "PER"), ("تل أبيب", "GPE"), ("إسرائيل", "GPE"))[0].Ref);
    }

    [Fact]
    public void GenericNameFollowsTheHolderTheDocumentNamed()
    {
        var text = "أعلنت وزارة الدفاع الأمريكية إرسال قوات إلى العراق وبغداد، وقالت وزارة الدفاع إن القوات ستبقى";
        var linked = Link(text, new DateOnly(2024, 1, 1), ("وزارة الدفاع الأمريكية", "ORG"), ("العراق", "GPE"), ("بغداد", "GPE"), ("وزارة الدفاع", "ORG"));
        Assert.Equal("us-dod", linked[3].Ref);
    }

    [Fact]
    public void DefiniteAndIndefiniteFormsOfAnUnknownNameAgree()
    {
        var text = "شكلت لجنة عسكرية عليا لمتابعة الملف، وستجتمع اللجنة العسكرية العليا غدا";
        var linked = Link(text, null, ("لجنة عسكرية عليا", "ORG"), ("اللجنة العسكرية العليا", "ORG"));
        Assert.Equal(linked[0].Ref, linked[1].Ref);
    }

    [Fact]
    public void GenericNameWithoutCountryContextStaysUnresolved()
    {
        var linked = Link("أعلنت وزارة الدفاع نتائج التحقيق", null, ("وزارة الدفاع", "ORG"));
        Assert.Equal(LinkRule.Unknown, linked[0].Rule);
    }

    [Fact]
    public void UnknownEntityGetsAStableIdAcrossDocuments()
    {
        var a = Link("صرح سعد الكرخي للصحفيين", null, ("سعد الكرخي", "PER"))[0];
        var b = Link("وفي سياق آخر، قال سعد الكرخي إن الأمر انتهى", new DateOnly(2020, 1, 1), ("سعد الكرخي", "PER"))[0];
        Assert.Equal(LinkRule.Unknown, a.Rule);
        Assert.Equal(a.Ref, b.Ref);
        Assert.StartsWith("x-per-", a.Ref, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSurnameCorefersWithTheEarlierFullName()
    {
        var text = "قال سعد الكرخي إن الاجتماع انتهى، وأضاف الكرخي أن النتائج قريبة";
        var linked = Link(text, null, ("سعد الكرخي", "PER"), ("الكرخي", "PER"));
        Assert.Equal(linked[0].Ref, linked[1].Ref);
        Assert.Equal(LinkRule.Coreference, linked[1].Rule);
    }

    [Fact]
    public void UnknownNameWithFusedLamSharesTheIdOfItsBareForm()
    {
        var a = Link("صوت البرلمان على القرار", null, ("البرلمان", "ORG"))[0];
        var b = Link("قدمت الحكومة مشروعا للبرلمان", null, ("للبرلمان", "ORG"))[0];
        Assert.Equal(a.Ref, b.Ref);
    }

    [Fact]
    public void SameNameOfAnotherTypeIsAnotherEntity()
    {
        Assert.NotEqual(UnknownEntityId.For("PER", "سعد الكرخي"), UnknownEntityId.For("ORG", "سعد الكرخي"));
    }

    [Fact]
    public void AliasVariantsShareTheActorId()
    {
        var text = "أعلنت المقاومة الإسلامية في العراق مسؤوليتها، وقالت فصائل المقاومة العراقية إن المقاومة مستمرة";
        var linked = Link(text, null, ("المقاومة الإسلامية في العراق", "ORG"), ("فصائل المقاومة العراقية", "ORG"), ("المقاومة", "ORG"));
        Assert.All(linked, l => Assert.Equal("islamic-resistance-iraq", l.Ref));
    }

    [Fact]
    public void AnaphoricShortFormNeedsTheActorNamedBefore()
    {
        Assert.Equal(LinkRule.Unknown, Link("قالت الهيئة في بيان", null, ("الهيئة", "ORG"))[0].Rule);
        var text = "أعلنت هيئة الحشد الشعبي التعبئة، وقالت الهيئة في بيان";
        Assert.Equal("pmf", Link(text, null, ("هيئة الحشد الشعبي", "ORG"), ("الهيئة", "ORG"))[1].Ref);
    }

    [Fact]
    public void ContextAliasNeedsItsWordBefore()
    {
        Assert.Equal("al-alam", Link("نقلت قناة العالم عن مصدر", null, ("العالم", "ORG"))[0].Ref);
        Assert.NotEqual("al-alam", Link("دعا دول العالم إلى التهدئة", null, ("العالم", "ORG"))[0].Ref);
    }

    [Fact]
    public void PlaceMentionGetsThePlaceId()
    {
        var linked = Link("وصل الوفد إلى أربيل ثم إلى قاعدة عين الأسد", null, ("أربيل", "GPE"), ("قاعدة عين الأسد", "FAC"));
        Assert.Equal(LinkRule.Place, linked[0].Rule);
        Assert.Equal("site-ain-al-asad", linked[1].Ref);
    }

    [Fact]
    public void FusedLamMentionLinksToTheCountry()
    {
        Assert.Equal("cc-iq", Link("لا بد للعراق من موقف", null, ("للعراق", "GPE"))[0].Ref);
    }

    [Fact]
    public void AliasInsideALongerMentionLinks()
    {
        var linked = Link("وقال زعيم التيار مقتدى الصدر في تغريدة", null, ("زعيم التيار مقتدى الصدر", "PER"));
        Assert.Equal("muqtada-al-sadr", linked[0].Ref);
        Assert.Equal(LinkRule.ContainedAlias, linked[0].Rule);
    }

    [Fact]
    public void MetonymicCapitalTaggedAsOrganizationIsStillThePlace()
    {
        Assert.Equal("city-washington", Link("وأكدت واشنطن التزامها", null, ("واشنطن", "ORG"))[0].Ref);
    }

    [Fact]
    public void DescriptivePhraseLinksWhenATaggerProposesIt()
    {
        Assert.Equal("us-armed-forces", Link("انسحبت القوات الأمريكية من القاعدة", null, ("القوات الأمريكية", "ORG"))[0].Ref);
    }

    [Fact]
    public void OutputFollowsInputOrder()
    {
        var text = "قال بايدن إن إيران مسؤولة";
        var mentions = LinkTestText.Mentions(text, ("بايدن", "PER"), ("إيران", "GPE"));
        mentions.Reverse();
        var linked = ActorLinker.Default.Link(text, mentions, null);
        Assert.Equal("cc-ir", linked[0].Ref);
        Assert.Equal("biden", linked[1].Ref);
    }

    [Fact]
    public void NoMentionsGiveNoLinks() => Assert.Empty(ActorLinker.Default.Link("نص", [], null));
}
