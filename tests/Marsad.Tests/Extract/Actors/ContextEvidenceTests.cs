using Marsad.Extract.Actors;
using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Actors;

/// <summary>Context read before a mention is kept or linked: nationality adjectives, persons' names, outlets, countries.</summary>
public sealed class ContextEvidenceTests
{
    private static readonly DateOnly April2018 = new(2018, 4, 15);

    private static IReadOnlyList<EntityMention> Nisba(string text, params (string, string)[] mentions) =>
        NisbaAdjective.Default.Filter(new FoldedText(text), LinkTestText.Mentions(text, mentions));

    private static IReadOnlyList<LinkedMention> Link(string text, params (string, string)[] mentions) =>
        ActorLinker.Default.Link(text, LinkTestText.Mentions(text, mentions), April2018);

    [Fact]
    public void NationalityAdjectiveAfterANounIsNotAName()
    {
        Assert.DoesNotContain(Nisba("استقبل الرئيس السوداني عمر البشير الوفد", ("السوداني", "PER"), ("عمر البشير", "PER")), m => m.Text == "السوداني");
        Assert.Empty(Nisba("ارتفعت أسعار الفول السوداني هذا العام", ("السوداني", "PER")));
        Assert.DoesNotContain(Nisba("سقط صاروخ على مدينة جازان السعودية أمس", ("جازان", "GPE"), ("السعودية", "GPE")), m => m.Text == "السعودية");
    }

    [Fact]
    public void CountryAfterAVerbOrPrepositionAndSurnameAfterARankStay()
    {
        Assert.Single(Nisba("وصل الوفد إلى السعودية أمس", ("السعودية", "GPE")));
        Assert.Single(Nisba("وأضاف العقيد المالكي أن الدفاعات اعترضت الصاروخ", ("المالكي", "PER")));
    }

    [Fact]
    public void OrganOfABodyNamedAfterFusedLam()
    {
        var found = QualifiedOrganizations.Default.Find(new FoldedText("ورصدت قوات الدفاع الجوي للتحالف إطلاق الصواريخ")).Select(m => (m.Text, m.Type)).ToList();
        Assert.Contains(("قوات الدفاع الجوي", "ORG"), found);
        Assert.Empty(QualifiedOrganizations.Default.Find(new FoldedText("ويعمل نظام آلي للتعرف على الوجوه")));
    }

    [Fact]
    public void OrganizationNamedByAHeadAndANationalityAdjective()
    {
        var text = "قالت وزارة الصحة الفلسطينية إن قوات الدفاع الجوي الملكي السعودي اعترضت الصواريخ";
        var found = QualifiedOrganizations.Default.Find(new FoldedText(text)).Select(m => (m.Text, m.Type)).ToList();
        Assert.Contains(("وزارة الصحة الفلسطينية", "ORG"), found);
        Assert.Contains(("قوات الدفاع الجوي الملكي السعودي", "ORG"), found);
    }

    [Fact]
    public void TitlesCountriesAndDescriptionsAreNotOrganizations()
    {
        foreach (var text in new[] { "قال وزير الخارجية البريطاني إن", "غارة شنتها قوات بقيادة المملكة العربية السعودية", "انسحاب القوات الأمريكية من القاعدة" })
        {
            Assert.DoesNotContain(QualifiedOrganizations.Default.Find(new FoldedText(text)), m => m.Type == "ORG");
        }
    }

    [Fact]
    public void AgreementNamedByNationalityAdjectivesIsMisc()
    {
        var found = QualifiedOrganizations.Default.Find(new FoldedText("وبناء على الاتفاق الروسي- التركي، يتعين على الفصائل"));
        Assert.Equal(("الاتفاق الروسي- التركي", "MISC"), (found.Single().Text, found.Single().Type));
    }

    [Fact]
    public void WeaponDesignationsAreMiscAndAConjunctionBeforeANumberIsNot()
    {
        var found = WeaponModels.Default.Find(new FoldedText("تسلمت منظومة أس-300 بعد إسقاط طائرة إيل-20 وصاروخ بركان H2")).Select(m => m.Text).ToList();
        Assert.Equal(["أس-300", "إيل-20", "بركان H2"], found);
        Assert.Empty(WeaponModels.Default.Find(new FoldedText("وقال إن 20 شخصا قتلوا")));
    }

    [Fact]
    public void OneWordSurnameInsideAnotherPersonsNameDoesNotLink()
    {
        var linked = Link("وكان العقيد الركن تركي المالكي قد صرح أمس، وعين الأدميرال هاري هاريس سفيرا", ("تركي المالكي", "PER"), ("هاري هاريس", "PER"));
        Assert.NotEqual("maliki", linked[0].Ref);
        Assert.NotEqual("kamala-harris", linked[1].Ref);
    }

    [Fact]
    public void PersonsNameIsNotAVillage()
    {
        var linked = Link("وقال يوسف إن ضابط الأمن غادر المكان", ("يوسف", "PER"));
        Assert.Null(linked[0].Place);
    }

    [Fact]
    public void GenericNameWithOneHolderNeedsItsCountry()
    {
        var linked = Link("قصف التحالف في صنعاء مبنى تابعا لوزارة الداخلية في اليمن", ("صنعاء", "GPE"), ("وزارة الداخلية", "ORG"), ("اليمن", "GPE"));
        Assert.Equal(LinkRule.Unknown, linked[1].Rule);
    }

    [Fact]
    public void PlaceInsideAQuotedOutletNameIsTheOutlet()
    {
        var linked = Link("بث التقرير على قناة \"روسيا 1\" العامة", ("روسيا", "GPE"));
        Assert.Equal("ORG", linked[0].Mention.Type);
        Assert.Null(linked[0].Place);
    }
}
