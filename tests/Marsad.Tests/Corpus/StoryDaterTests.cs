using Marsad.Corpus;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Corpus;

public sealed class StoryDaterTests
{
    [Fact]
    public void UndatedDocumentTakesTheMostCommonDate()
    {
        var docs = new[] { Doc("a", 2024, 1, 25), Doc("b", 2024, 1, 24), Doc("c", 2024, 1, 25), Doc("d") };
        var dated = StoryDater.Apply([Story("a", "b", "c", "d")], docs);
        Assert.Equal("d", Assert.Single(dated).Id);
        Assert.Equal((new DateOnly(2024, 1, 25), PublishedFrom.Story), (docs[3].Published!.Value, docs[3].PublishedFrom));
    }

    [Fact]
    public void TieGoesToTheEarliestDate()
    {
        var docs = new[] { Doc("a", 2024, 1, 25), Doc("b", 2024, 1, 24), Doc("d") };
        StoryDater.Apply([Story("a", "b", "d")], docs);
        Assert.Equal(new DateOnly(2024, 1, 24), docs[2].Published);
    }

    [Fact]
    public void OwnDateIsNeverReplaced()
    {
        var docs = new[] { Doc("a", 2024, 1, 25), Doc("b", 2024, 1, 25), Doc("c", 2024, 1, 20) };
        Assert.Empty(StoryDater.Apply([Story("a", "b", "c")], docs));
        Assert.Equal(new DateOnly(2024, 1, 20), docs[2].Published);
    }

    [Fact]
    public void StoryWithoutDatesDatesNobody()
    {
        var docs = new[] { Doc("a"), Doc("b") };
        Assert.Empty(StoryDater.Apply([Story("a", "b")], docs));
        Assert.Equal(PublishedFrom.None, docs[0].PublishedFrom);
    }

    [SharedFact]
    public void SeedsWithoutADateAreDatedFromTheirStory()
    {
        var documents = SeedDocuments.Analyze();
        var undated = documents.Where(d => d.Published is null).Select(d => d.Id).ToHashSet();
        StoryDater.Apply(StoryClusterer.Cluster(documents), documents);
        Assert.All(documents.Where(d => undated.Contains(d.Id) && !d.Id.StartsWith("001", StringComparison.Ordinal)), d =>
        {
            Assert.Equal(PublishedFrom.Story, d.PublishedFrom);
            Assert.Equal(2024, d.Published!.Value.Year);
        });
    }

    private static Story Story(params string[] ids) => new("s1", "t", ids, null, null);

    private static Document Doc(string id, int year = 0, int month = 0, int day = 0)
    {
        var d = new Document(id, "نص");
        if (year > 0)
        {
            d.Published = new DateOnly(year, month, day);
            d.PublishedFrom = PublishedFrom.Metadata;
        }

        return d;
    }
}
