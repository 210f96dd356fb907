using Marsad.Corpus;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Corpus;

public sealed class FramingTableTests(ITestOutputHelper output)
{
    [Fact]
    public void CliticsDoNotHideATerm() =>
        Assert.Equal("الميليشيات", Assert.Single(FramingTable.Default.Find(CorpusSample.Annotate("a", "وحذر الوزير العراقي في بغداد من خطر وللميليشيات نفوذ واسع في العراق."))).Term);

    [Fact]
    public void LongestTermWins() =>
        Assert.Equal(["فصائل المقاومة"], FramingTable.Default.Find(CorpusSample.Annotate("a", "أعلنت فصائل المقاومة مسؤوليتها عن هجوم في العراق.")).Select(d => d.Term));

    [Fact]
    public void OutletsAreComparedTermByTerm()
    {
        var a = CorpusSample.Annotate("a", "قصفت الميليشيات القاعدة في العراق ثم هددت الميليشيات بالمزيد.");
        a.Outlet = "صحيفة أ";
        var b = CorpusSample.Annotate("b", "أعلنت المقاومة الإسلامية استهداف القاعدة في العراق.");
        b.Outlet = "قناة ب";
        var rows = FramingTable.Default.Build([a, b]);
        Assert.Equal([("صحيفة أ", "الميليشيات", 2, 1), ("قناة ب", "المقاومة الإسلامية", 1, 1)], rows.Select(r => (r.Outlet, r.Term, r.Mentions, r.Documents)));
    }

    [Fact]
    public void DocumentWithoutOutletIsUnknown()
    {
        var rows = FramingTable.Default.Build([CorpusSample.Annotate("a", "هاجمت الفصائل المسلحة الموقع في العراق.")]);
        Assert.Equal(FramingTable.UnknownOutlet, Assert.Single(rows).Outlet);
    }

    [Fact]
    public void AGenericTermNamesTheActorOfTheDocumentsCountry()
    {
        Actors("هاجمت الفصائل المسلحة مواقع قرب بغداد في العراق.", "iraqi-armed-factions");
        Actors("سيطرت الفصائل المسلحة على قرى في ريف إدلب شمال سوريا بعد معارك مع الجيش السوري.", "syrian-armed-opposition");
        Actors("قالت الفصائل المسلحة في غزة إنها ردت على القصف الإسرائيلي.", "palestinian-factions");
    }

    [Fact]
    public void AGenericTermInADocumentOfNoneOfItsCountriesIsLeftOut() =>
        Assert.Empty(FramingTable.Default.Find(CorpusSample.Annotate("a", "هاجمت الفصائل المسلحة الموقع.")));

    [Fact]
    public void OutletsFrameTheHouthisAndIsraelsArmyDifferently()
    {
        var a = Find("أطلقت ميليشيا الحوثي صاروخا على جازان في السعودية من اليمن.");
        Assert.Equal(("houthis", "militia"), (a[0].Actor, a[0].Frame));
        var b = Find("قالت جماعة أنصار الله في اليمن إن قواتها أطلقت صاروخا.");
        Assert.Equal(("houthis", "own-name"), (b[0].Actor, b[0].Frame));
        var c = Find("أطلق جيش الاحتلال النار على المتظاهرين في غزة.");
        Assert.Equal(("israeli-army", "occupation"), (c[0].Actor, c[0].Frame));
        var d = Find("أطلق الجيش الإسرائيلي النار على المتظاهرين في غزة.");
        Assert.Equal(("israeli-army", "descriptive"), (d[0].Actor, d[0].Frame));
    }

    private static IReadOnlyList<ActorDesignation> Find(string text) => FramingTable.Default.Find(CorpusSample.Annotate("a", text));

    private static void Actors(string text, string actor) => Assert.Equal(actor, Assert.Single(Find(text)).Actor);

    [SharedFact]
    public void SeedOutletsUseDifferentTerms()
    {
        var rows = FramingTable.Default.Build(SeedDocuments.Analyze());
        output.WriteLine(FramingTable.ToText(rows));
        Assert.True(rows.Select(r => r.Frame).Distinct().Count() >= 3);
    }
}
