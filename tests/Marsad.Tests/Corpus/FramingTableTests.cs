using Marsad.Corpus;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Corpus;

public sealed class FramingTableTests(ITestOutputHelper output)
{
    [Fact]
    public void CliticsDoNotHideATerm() =>
        Assert.Equal("الميليشيات", Assert.Single(FramingTable.Default.Find(CorpusSample.Annotate("a", "وحذر الوزير من خطر وللميليشيات نفوذ واسع."))).Term);

    [Fact]
    public void LongestTermWins() =>
        Assert.Equal(["فصائل المقاومة"], FramingTable.Default.Find(CorpusSample.Annotate("a", "أعلنت فصائل المقاومة مسؤوليتها.")).Select(d => d.Term));

    [Fact]
    public void OutletsAreComparedTermByTerm()
    {
        var a = CorpusSample.Annotate("a", "قصفت الميليشيات القاعدة ثم هددت الميليشيات بالمزيد.");
        a.Outlet = "صحيفة أ";
        var b = CorpusSample.Annotate("b", "أعلنت المقاومة الإسلامية استهداف القاعدة.");
        b.Outlet = "قناة ب";
        var rows = FramingTable.Default.Build([a, b]);
        Assert.Equal([("صحيفة أ", "الميليشيات", 2, 1), ("قناة ب", "المقاومة الإسلامية", 1, 1)], rows.Select(r => (r.Outlet, r.Term, r.Mentions, r.Documents)));
    }

    [Fact]
    public void DocumentWithoutOutletIsUnknown()
    {
        var rows = FramingTable.Default.Build([CorpusSample.Annotate("a", "هاجمت الفصائل المسلحة الموقع.")]);
        Assert.Equal(FramingTable.UnknownOutlet, Assert.Single(rows).Outlet);
    }

    [SharedFact]
    public void SeedOutletsUseDifferentTerms()
    {
        var rows = FramingTable.Default.Build(SeedDocuments.Analyze());
        output.WriteLine(FramingTable.ToText(rows));
        Assert.True(rows.Select(r => r.Frame).Distinct().Count() >= 3);
    }
}
