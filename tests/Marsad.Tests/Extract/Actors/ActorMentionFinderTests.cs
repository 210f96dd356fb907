using Marsad.Extract.Actors;

namespace Marsad.Tests.Extract.Actors;

public sealed class ActorMentionFinderTests
{
    private static List<(string Text, string Type)> Find(string text) =>
        ActorMentionFinder.Default.Find(text).Select(m => (m.Text, m.Type)).ToList();

    [Fact]
    public void LongestNameWins() =>
        Assert.Equal([("المقاومة الإسلامية في العراق", "ORG")], Find("تبنت المقاومة الإسلامية في العراق الهجوم"));

    [Fact]
    public void LeadingProcliticIsLeftOut() => Assert.Contains(("داعش", "ORG"), Find("وحذر من عودة خلايا وداعش"));

    [Fact]
    public void LamFusedWithTheArticleKeepsTheWholeWord() => Assert.Contains(("للعراق", "GPE"), Find("لا بد للعراق من موقف"));

    [Fact]
    public void FacilityCueJoinsTheBaseMention()
    {
        Assert.Contains(("قاعدة حرير", "FAC"), Find("سقطت مسيرة داخل قاعدة حرير"));
        Assert.Contains(("قاعدة حرير", "FAC"), Find("سقطت مسيرة بقاعدة حرير"));
    }

    [Fact]
    public void CountriesCitiesAndActorsAreTyped()
    {
        var found = Find("قال بايدن في واشنطن إن إيران والحرس الثوري مسؤولان");
        Assert.Equal([("بايدن", "PER"), ("واشنطن", "GPE"), ("إيران", "GPE"), ("الحرس الثوري", "ORG")], found);
    }

    [Fact]
    public void ContextWordIsRequiredAndLeftOut()
    {
        Assert.Contains(("الميادين", "ORG"), Find("ذكرت قناة الميادين أن"));
        Assert.DoesNotContain(("العالم", "ORG"), Find("دعا دول العالم إلى التهدئة"));
    }

    [Fact]
    public void NamesDoNotRunAcrossPunctuation() => Assert.Equal([("الحشد", "ORG")], Find("تحدث عن الحشد. الشعبي"));

    [Fact]
    public void DescriptivePhrasesAreNotLookedFor() => Assert.Empty(Find("انسحبت القوات الأمريكية"));

    [Fact]
    public void AnaphoricShortFormFollowsTheFullName()
    {
        Assert.Empty(Find("قالت الهيئة في بيان"));
        Assert.Equal([("هيئة الحشد الشعبي", "ORG"), ("الهيئة", "ORG")], Find("أعلنت هيئة الحشد الشعبي التعبئة، وقالت الهيئة في بيان"));
    }

    [Fact]
    public void NotableTownWithoutPopulationIsFound()
    {
        Assert.Contains(("القامشلي", "GPE"), Find("سقطت قذائف على القامشلي"));
        Assert.Contains(("الكرادة", "GPE"), Find("انفجرت عبوة في الكرادة"));
    }

    [Fact]
    public void CommonWordThatNamesAVillageIsNotAPlace() => Assert.Empty(Find("وجه رسالة إلى الشعب"));

    [Fact]
    public void PersonTitlesAreOffByDefault() => Assert.Empty(Find("قال رئيس الوزراء العراقي"));

    [Fact]
    public void PersonTitlesCanBeTurnedOn()
    {
        var finder = new ActorMentionFinder(ActorCatalog.Default, Marsad.Extract.Places.PlaceResolver.Default, new ActorMentionFinderOptions { PersonTitles = true });
        Assert.Contains(finder.Find("قال رئيس الوزراء العراقي"), m => m.Text == "رئيس الوزراء العراقي" && m.Type == "PER");
    }

    [Fact]
    public void SpansPointIntoTheOriginalText()
    {
        const string text = "وصَرَّحَ الكاظِمي في بَغْداد";
        foreach (var m in ActorMentionFinder.Default.Find(text))
        {
            Assert.Equal(m.Text, m.Span.Of(text));
        }

        Assert.Equal(2, ActorMentionFinder.Default.Find(text).Count);
    }

    [Fact]
    public void EmptyAndNonArabicTextFindNothing()
    {
        Assert.Empty(Find(""));
        Assert.Empty(Find("The quick brown fox 123"));
    }

    [Fact]
    public void RandomInputNeverThrows()
    {
        var random = new Random(7);
        const string alphabet = "ابتثجحخدذرسشصضطظعغفقكلمنهوي ءأإآؤئىة.،\n\"«»0123456789 ـًٌٍَُِّْ";
        for (var n = 0; n < 200; n++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var found = ActorMentionFinder.Default.Find(text);
            Assert.All(found, m => Assert.Equal(m.Text, m.Span.Of(text)));
            ActorLinker.Default.Link(text, found, null);
        }
    }
}
