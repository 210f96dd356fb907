using Marsad.Ingest.Cleaning;
using static Marsad.Tests.Ingest.Cleaning.CleanerTestText;

namespace Marsad.Tests.Ingest.Cleaning;

public class RepeatedLineIndexTests
{
    [Fact]
    public void CountsDocumentsPerGroup()
    {
        var a = Raw("شعار الموقع", Para1) with { SourcePath = "/x/a/1.txt" };
        var b = Raw("شعار الموقع", Para2) with { SourcePath = "/x/a/2.txt" };
        var c = Raw("شعار الموقع", Para3) with { SourcePath = "/x/b/3.txt" };
        var index = RepeatedLineIndex.Build([a, b, c]);
        Assert.Equal(2, index.Count(RepeatedLineIndex.DefaultGroup(a), LineKey.Of("شعار الموقع")));
        Assert.Equal(0, index.Count(RepeatedLineIndex.DefaultGroup(c), LineKey.Of("شعار الموقع")));
        Assert.Equal(2, index.DocumentCount(RepeatedLineIndex.DefaultGroup(a)));
    }

    [Fact]
    public void CopiesOfOneArticleCountOnce()
    {
        var copies = Enumerable.Range(0, 5).Select(i => Raw("شعار الموقع", Para1) with { Id = "c" + i }).ToList();
        var index = RepeatedLineIndex.Build(copies);
        Assert.True(index.Count(RepeatedLineIndex.DefaultGroup(copies[0]), LineKey.Of("شعار الموقع")) < 2);
    }

    [Fact]
    public void DatelinesAreNotCounted()
    {
        var docs = new[] { Para1, Para2, Para3 }.Select(p => Raw("24 يناير 2024", p)).ToList();
        var index = RepeatedLineIndex.Build(docs);
        Assert.Equal(0, index.Count(RepeatedLineIndex.DefaultGroup(docs[0]), LineKey.Of("24 يناير 2024")));
    }

    [Fact]
    public void GroupIsTheOutletWhenGiven() =>
        Assert.Equal("outlet:روداو", RepeatedLineIndex.DefaultGroup(Raw(Para1) with { Outlet = "روداو" }));
}
