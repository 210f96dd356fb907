using Marsad.Corpus;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Corpus;

public sealed class StoryClustererTests(ITestOutputHelper output)
{
    private const string Talks = "بدأت في العاصمة جولة جديدة من المفاوضات بين وفدي الحكومة والمعارضة حول تقاسم السلطة وصياغة الدستور الانتقالي برعاية المبعوث الأممي الذي وصف الأجواء بالإيجابية";
    private const string TalksFollowUp = "انتهت جولة المفاوضات بين وفدي الحكومة والمعارضة حول الدستور الانتقالي وتقاسم السلطة دون اتفاق وقال المبعوث الأممي إن الوفدين سيعودان إلى الطاولة";
    private const string Floods = "غمرت السيول عشرات القرى في الوادي بعد أمطار غزيرة استمرت ثلاثة أيام وأعلنت فرق الدفاع المدني إجلاء مئات العائلات من منازلها المتضررة";

    [SharedFact]
    public void SeedStoriesMatchTheGold()
    {
        var stories = StoryClusterer.Cluster(SeedDocuments.Analyze());
        foreach (var s in stories)
        {
            output.WriteLine($"{s.Id} {s.First} {s.Last} {s.Title} [{string.Join(", ", s.Documents)}]");
        }

        Assert.Equal(1.0, SeedDocuments.BCubedF1(stories, SeedDocuments.GoldStories()));
    }

    [Fact]
    public void FollowUpJoinsItsStory()
    {
        var stories = StoryClusterer.Cluster([Doc("a", Talks, 2024, 3, 1), Doc("b", TalksFollowUp, 2024, 3, 2)]);
        Assert.Equal(["a", "b"], Assert.Single(stories).Documents);
    }

    [Fact]
    public void UnrelatedDocumentOpensAStory() =>
        Assert.Equal(2, StoryClusterer.Cluster([Doc("a", Talks, 2024, 3, 1), Doc("b", Floods, 2024, 3, 1)]).Count);

    [Fact]
    public void SameWordsYearsApartAreTwoStories() =>
        Assert.Equal(2, StoryClusterer.Cluster([Doc("a", Talks, 2021, 4, 7), Doc("b", TalksFollowUp, 2024, 1, 25)]).Count);

    [Fact]
    public void UndatedDocumentJoinsBySimilarity()
    {
        var stories = StoryClusterer.Cluster([Doc("z", TalksFollowUp), Doc("a", Talks, 2024, 3, 1), Doc("f", Floods, 2024, 3, 1)]);
        Assert.Contains(stories, s => s.Documents.SequenceEqual(["a", "z"]));
    }

    [Fact]
    public void YearMentionedAfterTheStoryBlocksTheJoin()
    {
        var stories = StoryClusterer.Cluster([Doc("a", Talks, 2019, 3, 1), Doc("b", TalksFollowUp + " وكانت جولة سابقة عقدت عام 2023")]);
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void StoryHasFirstLastDatesAndCentralTitle()
    {
        var a = Doc("a", Talks, 2024, 3, 1);
        a.Title = "جولة جديدة من المفاوضات";
        var story = Assert.Single(StoryClusterer.Cluster([a, Doc("b", TalksFollowUp, 2024, 3, 4)]));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4)), (story.First!.Value, story.Last!.Value));
        Assert.Equal("جولة جديدة من المفاوضات", story.Title);
    }

    [Fact]
    public void UntitledStoryIsNamedByItsFirstWords() =>
        Assert.StartsWith("غمرت السيول", Assert.Single(StoryClusterer.Cluster([Doc("f", Floods)])).Title, StringComparison.Ordinal);

    [Fact]
    public void StreamReportsTheStoryOfEachDocument()
    {
        var clusterer = new StoryClusterer();
        Assert.Equal("s1", clusterer.Add(Doc("a", Talks, 2024, 3, 1)));
        Assert.Equal("s2", clusterer.Add(Doc("f", Floods, 2024, 3, 1)));
        Assert.Equal("s1", clusterer.Add(Doc("b", TalksFollowUp, 2024, 3, 2)));
        Assert.Equal("s1", clusterer.StoryOf("b"));
        Assert.Throws<ArgumentException>(() => clusterer.Add(Doc("b", TalksFollowUp)));
    }

    [Fact]
    public void OldStoriesAreClosedButStillListed()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Doc("a", Talks, 2024, 1, 1));
        clusterer.Add(Doc("b", TalksFollowUp, 2024, 6, 1));
        Assert.Equal(2, clusterer.Stories().Count);
    }

    internal static Document Doc(string id, string text, int year = 0, int month = 0, int day = 0)
    {
        var document = CorpusSample.Annotate(id, text);
        if (year > 0)
        {
            document.Published = new DateOnly(year, month, day);
            document.PublishedFrom = PublishedFrom.Metadata;
        }

        return document;
    }
}
