using Marsad.Ingest.Cleaning;
using Marsad.Model;
using static Marsad.Tests.Ingest.Cleaning.CleanerTestText;

namespace Marsad.Tests.Ingest.Cleaning;

public class ArticleCleanerTests
{
    private static CleanedArticle Clean(params string[] lines) => ArticleCleaner.Default.Clean(Raw(lines));

    private static RemovalReason? ReasonOf(CleanedArticle c, string text) =>
        c.Removed.FirstOrDefault(r => r.Text == text)?.Reason;

    [Fact]
    public void HeadlineMovesToTitleWithoutARemoval()
    {
        var c = Clean(Headline, "", Para1, Para2);
        Assert.Equal(Headline, c.Title);
        Assert.Equal(Para1 + "\n" + Para2, Body(c));
        Assert.Empty(c.Removed);
    }

    [Fact]
    public void LeadSentenceEndingWithAFullStopIsNoTitle()
    {
        var c = Clean(Para1, Para2);
        Assert.Null(c.Title);
        Assert.Equal(2, c.LinesKept);
    }

    [Fact]
    public void RepeatedHeadlineIsADuplicate()
    {
        var c = Clean(Headline, Headline, Para1, Para2);
        Assert.Equal(RemovalReason.Duplicate, ReasonOf(c, Headline));
        Assert.DoesNotContain(Headline, Body(c));
    }

    [Fact]
    public void KickerAboveTheHeadlineStaysAsContent()
    {
        const string kicker = "بعد موجة الحر الأخيرة";
        var c = Clean(kicker, Headline, Para1, Para2);
        Assert.Equal(Headline, c.Title);
        Assert.StartsWith(kicker + "\n", Body(c));
    }

    [Fact]
    public void SectionLabelAtTheTopGoes()
    {
        var c = Clean("اقتصاد", Headline, Para1, Para2);
        Assert.Equal(RemovalReason.Other, ReasonOf(c, "اقتصاد"));
        Assert.Equal(Headline, c.Title);
    }

    [Fact]
    public void SubheadingInsideTheBodyStays()
    {
        const string sub = "مخاوف من نقص المياه";
        var c = Clean(Headline, Para1, sub, Para2, Para3);
        Assert.Contains("\n" + sub + "\n", Body(c));
    }

    [Fact]
    public void DatelineStaysAndGivesThePublishedDate()
    {
        var c = Clean(Headline, "١٢ آذار ٢٠٢٣", Para1, Para2);
        Assert.StartsWith("١٢ آذار ٢٠٢٣\n", Body(c));
        Assert.Equal(new DateOnly(2023, 3, 12), c.Published);
        Assert.Equal(PublishedFrom.Text, c.PublishedFrom);
    }

    [Fact]
    public void ContainerDateWinsOverTheDateline()
    {
        var raw = Raw(Headline, "12 مارس 2023", Para1) with { Published = new DateOnly(2023, 3, 13) };
        var c = ArticleCleaner.Default.Clean(raw);
        Assert.Equal(new DateOnly(2023, 3, 13), c.Published);
        Assert.Equal(PublishedFrom.Metadata, c.PublishedFrom);
    }

    [Fact]
    public void FontSizeAndShareControlsGo()
    {
        var c = Clean(Headline, "+ الخط -", "شارك: فيسبوك تويتر واتساب", "طباعة", Para1, Para2);
        Assert.Equal(RemovalReason.Share, ReasonOf(c, "+ الخط -"));
        Assert.Equal(RemovalReason.Share, ReasonOf(c, "شارك: فيسبوك تويتر واتساب"));
        Assert.Equal(RemovalReason.Share, ReasonOf(c, "طباعة"));
        Assert.Equal(Para1 + "\n" + Para2, Body(c));
    }

    [Fact]
    public void PhotoCaptionWithACreditGoes()
    {
        const string caption = "مزارعون يجمعون القمح في حقل قرب المدينة (أ ف ب)";
        var c = Clean(Headline, caption, Para1, Para2);
        Assert.Equal(RemovalReason.Caption, ReasonOf(c, caption));
    }

    [Fact]
    public void PhotoCaptionStartingWithACueGoes()
    {
        const string caption = "صورة أرشيفية لحقل قمح في موسم سابق";
        var c = Clean(Headline, caption, Para1, Para2);
        Assert.Equal(RemovalReason.Caption, ReasonOf(c, caption));
    }

    [Fact]
    public void ClosingCreditAtTheEndStaysAndNamesTheOutlet()
    {
        var c = Clean(Headline, Para1, Para2 + " (رويترز)");
        Assert.EndsWith("(رويترز)", Body(c));
        Assert.Equal("رويترز", c.Outlet);
    }

    [Fact]
    public void InlineAdTokenIsCutFromTheEndOfASentence()
    {
        var c = Clean(Headline, Para1, Para2 + "[ads2]");
        Assert.EndsWith(Para2, Body(c));
        Assert.Equal(new Removal("[ads2]", RemovalReason.Ad), Assert.Single(c.Removed));
    }

    [Fact]
    public void CookieNoticeInTheFooterGoes()
    {
        const string cookie = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق";
        var c = Clean(Headline, Para1, Para2, cookie);
        Assert.Equal(RemovalReason.Cookie, ReasonOf(c, cookie));
    }

    [Fact]
    public void CookieWordInsideTheBodyStays()
    {
        const string news = "وأقر البرلمان قانونا جديدا يلزم المواقع بطلب إذن المستخدم قبل حفظ الكوكيز على أجهزته، وفق ما أعلنت اللجنة.";
        var c = Clean(Headline, Para1, news, Para2);
        Assert.Contains(news, Body(c));
    }

    [Fact]
    public void RelatedLinksAfterTheirHeaderGoInTheFooter()
    {
        var c = Clean(Headline, Para1, Para2, "اقرأ أيضا", "ارتفاع أسعار الخبز في الأسواق", "افتتاح سوق جديد للخضار");
        Assert.Equal(RemovalReason.Related, ReasonOf(c, "اقرأ أيضا"));
        Assert.Equal(RemovalReason.Related, ReasonOf(c, "ارتفاع أسعار الخبز في الأسواق"));
        Assert.Equal(RemovalReason.Related, ReasonOf(c, "افتتاح سوق جديد للخضار"));
        Assert.Equal(Para1 + "\n" + Para2, Body(c));
    }

    [Fact]
    public void RelatedLinkInsideTheBodyTakesOnlyTheLinkLine()
    {
        const string sub = "مخاوف من نقص المياه";
        var c = Clean(Headline, Para1, "اقرأ أيضا:", "ارتفاع أسعار الخبز في الأسواق", sub, Para2, Para3);
        Assert.Equal(RemovalReason.Related, ReasonOf(c, "ارتفاع أسعار الخبز في الأسواق"));
        Assert.Contains(sub, Body(c));
    }

    [Fact]
    public void CommentsSectionGoesWithEverythingBelowIt()
    {
        var c = Clean(Headline, Para1, Para2, "التعليقات", "أبو خالد", "Great article", "مقال رائع شكرا لكم");
        Assert.Equal(Para1 + "\n" + Para2, Body(c));
        Assert.All(c.Removed, r => Assert.Equal(RemovalReason.Comments, r.Reason));
        Assert.Equal(4, c.Removed.Count);
    }

    [Fact]
    public void CommentsDisclaimerNamesTheOutlet()
    {
        var c = Clean(Headline, Para1, Para2, "أضف تعليقك", "التعليقات المنشورة لا تعبر بالضرورة عن رأي الشرق الأوسط");
        Assert.Equal("الشرق الأوسط", c.Outlet);
        Assert.Equal(RemovalReason.Comments, ReasonOf(c, "التعليقات المنشورة لا تعبر بالضرورة عن رأي الشرق الأوسط"));
    }

    [Fact]
    public void SocialPromotionsGo()
    {
        var c = Clean(Headline, Para1, "تابعونا على تويتر", "انضم إلى قناتنا على تلغرام", Para2);
        Assert.Equal(RemovalReason.Promo, ReasonOf(c, "تابعونا على تويتر"));
        Assert.Equal(RemovalReason.Promo, ReasonOf(c, "انضم إلى قناتنا على تلغرام"));
    }

    [Fact]
    public void AdLabelGoes()
    {
        var c = Clean(Headline, Para1, "إعلان", Para2);
        Assert.Equal(RemovalReason.Ad, ReasonOf(c, "إعلان"));
    }

    [Fact]
    public void RepeatedParagraphIsADuplicate()
    {
        var c = Clean(Headline, Para1, Para2, Para1);
        Assert.Equal(RemovalReason.Duplicate, ReasonOf(c, Para1));
        Assert.Equal(Para1 + "\n" + Para2, Body(c));
    }

    [Fact]
    public void SymbolOnlyLinesGo()
    {
        var c = Clean(Headline, Para1, "* * *", Para2);
        Assert.Equal(RemovalReason.Other, ReasonOf(c, "* * *"));
    }

    [Fact]
    public void ContainerTitleRemovesTheSameLineSilently()
    {
        var c = ArticleCleaner.Default.Clean(Html(Headline, Headline, Para1, Para2));
        Assert.Equal(Headline, c.Title);
        Assert.Empty(c.Removed);
        Assert.Equal(Para1 + "\n" + Para2, Body(c));
    }

    [Fact]
    public void LinesRepeatedAcrossAnOutletsDocumentsGo()
    {
        const string slogan = "صوت المزارعين منذ عام الفين";
        string[] regions = ["الشمال", "الجنوب", "الشرق", "الغرب"];
        var raws = regions.Select(r => Raw(slogan, Headline + " في " + r, Para1, Para2 + " في " + r) with { Id = r }).ToList();
        var ctx = CleanerContext.Build(raws);
        var c = ArticleCleaner.Default.Clean(raws[0], ctx);
        Assert.Equal(RemovalReason.Other, ReasonOf(c, slogan));
        Assert.Equal(Headline + " في الشمال", c.Title);
        Assert.Contains(slogan, ArticleCleaner.Default.Clean(raws[0]).Text);
    }

    [Fact]
    public void HtmlDerivedArticleLosesItsPageFurniture()
    {
        var raw = Html(
            "وزير الزراعة يعلن بدء موسم الحصاد مبكرا | موقع المزرعة",
            "الرئيسية » اقتصاد » زراعة",
            Headline,
            "١٢ آذار ٢٠٢٣",
            "حجم الخط",
            Para1,
            "إعلان",
            Para2,
            Para3,
            "مواضيع ذات صلة",
            "ارتفاع أسعار الخبز في الأسواق",
            "افتتاح سوق جديد للخضار",
            "تابعونا على فيسبوك",
            "التعليقات (2)",
            "سامي",
            "خبر مهم جدا");
        var c = ArticleCleaner.Default.Clean(raw);
        Assert.Equal("١٢ آذار ٢٠٢٣\n" + Para1 + "\n" + Para2 + "\n" + Para3, Body(c));
        Assert.Equal(new DateOnly(2023, 3, 12), c.Published);
        Assert.Equal(Headline, c.Title);
        Assert.DoesNotContain(c.Removed, r => r.Text == Headline);
        Assert.Equal(
            [RemovalReason.Other, RemovalReason.Share, RemovalReason.Ad, RemovalReason.Related, RemovalReason.Related, RemovalReason.Related,
             RemovalReason.Promo, RemovalReason.Comments, RemovalReason.Comments, RemovalReason.Comments],
            c.Removed.Select(r => r.Reason));
    }

    [Fact]
    public void EmptyAndLatinInputsDoNotThrow()
    {
        Assert.Equal("", Clean("").Text);
        var latin = Clean("The minister said on Monday that the harvest had started early this year because of the heat wave.");
        Assert.Equal(1, latin.LinesKept);
    }

    [Fact]
    public void RandomTextIsHandled()
    {
        var random = new Random(7);
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآةى٠١٢٣٤٥٦٧٨٩0123456789.,،:()[]{}«»\"-–|/\n ";
        for (var i = 0; i < 200; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var c = ArticleCleaner.Default.Clean(Raw(new string(chars)));
            Assert.True(c.LinesKept <= c.LinesIn);
        }
    }

    /// <summary>The text without its first line when that line is the headline, which stays in the text.</summary>
    private static string Body(CleanedArticle c) =>
        c.Title is { } t && c.Text.StartsWith(t + "\n", StringComparison.Ordinal) ? c.Text[(t.Length + 1)..]
        : c.Title is { } t2 && c.Text == t2 ? "" : c.Text;
}
