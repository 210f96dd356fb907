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

    [Fact]
    public void BareWeekdayAfterTheStoryDateMovesTheDateLater()
    {
        // 2024-01-24 is a Wednesday; the Friday of that week is the 26th.
        var docs = new[] { Doc("a", 2024, 1, 24), Doc("b", 2024, 1, 24), Doc("d", text: "أعلن المتحدث الخميس أن الوفد سيصل، ثم قال الجمعة إن الاجتماع تأجل.") };
        StoryDater.Apply([Story("a", "b", "d")], docs);
        Assert.Equal((new DateOnly(2024, 1, 26), PublishedFrom.Story), (docs[2].Published!.Value, docs[2].PublishedFrom));
    }

    [Fact]
    public void WeekdayBeforeTheStoryDateKeepsIt()
    {
        var docs = new[] { Doc("a", 2024, 1, 24), Doc("d", text: "قال الوزير الاثنين إن المحادثات مستمرة.") };
        StoryDater.Apply([Story("a", "d")], docs);
        Assert.Equal(new DateOnly(2024, 1, 24), docs[1].Published);
    }

    [Fact]
    public void TodayCueWithAWeekdayGivesTheDay()
    {
        // "أمس الاثنين": the Monday nearest the story's Wednesday is the 22nd, so the report is of the 23rd.
        var docs = new[] { Doc("a", 2024, 1, 24), Doc("d", text: "قال الوزير أمس الاثنين إن المحادثات مستمرة، وسيعقد لقاء الجمعة.") };
        StoryDater.Apply([Story("a", "d")], docs);
        Assert.Equal(new DateOnly(2024, 1, 23), docs[1].Published);
    }

    [Fact]
    public void WeekdayOfAnotherWeekIsIgnored()
    {
        var docs = new[] { Doc("a", 2024, 1, 24), Doc("d", text: "وكان الوزير قد زار بغداد الجمعة الماضية.") };
        StoryDater.Apply([Story("a", "d")], docs);
        Assert.Equal(new DateOnly(2024, 1, 24), docs[1].Published);
    }

    [Fact]
    public void NearestSiblingGivesTheDateBeforeTheMostCommonOne()
    {
        var docs = new[]
        {
            Analyzed(Doc("a", 2024, 1, 10, "افتتح وزير الثقافة معرض الكتاب الدولي في العاصمة بمشاركة مئات دور النشر العربية.")),
            Analyzed(Doc("b", 2024, 1, 10, "افتتح وزير الثقافة معرض الكتاب الدولي في العاصمة وسط إقبال كبير من القراء.")),
            Analyzed(Doc("c", 2024, 1, 20, "اختتم معرض الكتاب الدولي أعماله في العاصمة وأعلن المنظمون عدد الزوار والكتب المبيعة في ختام المعرض.")),
            Analyzed(Doc("d", text: "اختتم معرض الكتاب الدولي أعماله وأعلن المنظمون في ختام المعرض أن عدد الزوار تجاوز المليون.")),
        };
        StoryDater.Apply([Story("a", "b", "c", "d")], docs);
        Assert.Equal(new DateOnly(2024, 1, 20), docs[3].Published);
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

    private static Document Analyzed(Document document)
    {
        Marsad.Analysis.DocumentAnalyzer.Default.Pipeline.Run(document);
        return document;
    }

    private static Story Story(params string[] ids) => new("s1", "t", ids, null, null);

    private static Document Doc(string id, int year = 0, int month = 0, int day = 0, string text = "نص")
    {
        var d = new Document(id, text);
        if (year > 0)
        {
            d.Published = new DateOnly(year, month, day);
            d.PublishedFrom = PublishedFrom.Metadata;
        }

        return d;
    }
}
