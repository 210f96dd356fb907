using System.Diagnostics;
using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public class HtmlArticleExtractorTests
{
    private static HtmlExtraction Article() => HtmlArticleExtractor.Extract(File.ReadAllText(IngestFixtures.Path("article.html")));

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    [Fact]
    public void HeadlineComesFirstThenParagraphLines()
    {
        var lines = Lines(Article().Text);
        Assert.Equal("افتتاح مكتبة عامة جديدة في المدينة القديمة", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("افتتح رئيس البلدية", StringComparison.Ordinal));
        Assert.Contains("كما تخطط لتنظيم أمسيات أدبية شهرية.", lines);
        Assert.Contains("وتأتي هذه الخطوة ضمن خطة لتجديد المرافق الثقافية في المدينة خلال العامين المقبلين.", lines);
    }

    [Fact]
    public void CaptionIsKeptAsItsOwnLine() =>
        Assert.Contains("واجهة المكتبة الجديدة من الشارع الرئيسي", Lines(Article().Text));

    [Fact]
    public void ScriptsStylesAndEventHandlersNeverBecomeText()
    {
        var text = Article().Text;
        Assert.DoesNotContain("سكربت", text);
        Assert.DoesNotContain("color", text);
        Assert.DoesNotContain("alert", text);
        Assert.DoesNotContain("مخترق", text);
        Assert.DoesNotContain("جافاسكربت", text);
    }

    [Fact]
    public void NavigationAndFooterAreDropped()
    {
        var text = Article().Text;
        Assert.DoesNotContain("الرئيسية", text);
        Assert.DoesNotContain("أخبار محلية", text);
        Assert.DoesNotContain("جميع الحقوق محفوظة", text);
    }

    [Fact]
    public void EntitiesAreDecoded() => Assert.Contains("& الفنون", Article().Text);

    [Fact]
    public void MetadataIsRead()
    {
        var metadata = Article().Metadata;
        Assert.Equal("افتتاح مكتبة عامة جديدة في المدينة القديمة", metadata.Title);
        Assert.Equal("صحيفة الواحة", metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 11, 5), metadata.Published);
        Assert.Equal("https://example.org/news/library-opening", metadata.Url);
    }

    [Fact]
    public void TitleElementLosesItsSiteSuffix()
    {
        var extraction = HtmlArticleExtractor.Extract("<html><head><title>ارتفاع أسعار الخضار في الأسواق | موقع الأخبار</title></head><body><p>نص قصير.</p></body></html>");
        Assert.Equal("ارتفاع أسعار الخضار في الأسواق", extraction.Metadata.Title);
    }

    [Fact]
    public void JsonLdAndTimeElementGiveTheDate()
    {
        var fromJsonLd = HtmlArticleExtractor.Extract("<html><head><script type=\"application/ld+json\">[{\"@type\":\"WebSite\"},{\"@graph\":[{\"@type\":[\"NewsArticle\"],\"datePublished\":\"2022-03-04T10:00:00+02:00\",\"publisher\":\"وكالة\"}]}]</script></head><body><p>نص.</p></body></html>");
        Assert.Equal(new DateOnly(2022, 3, 4), fromJsonLd.Metadata.Published);
        Assert.Equal("وكالة", fromJsonLd.Metadata.Outlet);

        var fromTime = HtmlArticleExtractor.Extract("<html><body><p>نشر في <time datetime=\"2021-12-31\">آخر يوم</time></p></body></html>");
        Assert.Equal(new DateOnly(2021, 12, 31), fromTime.Metadata.Published);
    }

    [Fact]
    public void TruncatedPageStillGivesItsText()
    {
        var extraction = HtmlArticleExtractor.Extract(File.ReadAllText(IngestFixtures.Path("truncated.html")));
        var lines = Lines(extraction.Text);
        Assert.Equal("عنوان الخبر المقطوع", lines[0]);
        Assert.Contains("هذه الفقرة الأولى من خبر انقطع تحميله في منتصف الصفحة.", lines);
        Assert.Contains(lines, l => l.StartsWith("وهذه فقرة ثانية لم تكتمل", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenMarkupAndUnclosedTagsAreSurvived()
    {
        var extraction = HtmlArticleExtractor.Extract("<div><p>فقرة أولى<p>فقرة ثانية</div></span><li>بند<table><td>خلية</p>");
        var lines = Lines(extraction.Text);
        Assert.Contains("فقرة أولى", lines);
        Assert.Contains("فقرة ثانية", lines);
    }

    [Fact]
    public void LinkHeavyBlocksAreDroppedByTheFallback()
    {
        var html = "<html><body><div class=\"content\"><p>اجتمع مجلس الإدارة أمس لمناقشة الميزانية السنوية.</p>"
            + "<p><a href=\"/1\">رابط أول</a> <a href=\"/2\">رابط ثان</a> و</p></div></body></html>";
        var lines = Lines(HtmlArticleExtractor.Extract(html).Text);
        Assert.Contains("اجتمع مجلس الإدارة أمس لمناقشة الميزانية السنوية.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("رابط أول", StringComparison.Ordinal));
    }

    [Fact]
    public void HundredThousandNestedTagsNeitherOverflowNorHang()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("<div>");
        }

        sb.Append("نص عميق جدا");
        var watch = Stopwatch.StartNew();
        var extraction = HtmlArticleExtractor.Extract(sb.ToString());
        Assert.Equal("نص عميق جدا", extraction.Text);
        Assert.Equal("markup", extraction.Extractor);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void DeepInlineNestingBelowTheScannerLimitIsParsed()
    {
        var sb = new StringBuilder("<html><body><p>");
        for (var i = 0; i < 900; i++)
        {
            sb.Append("<span>");
        }

        sb.Append("كلمة في العمق");
        var extraction = HtmlArticleExtractor.Extract(sb.ToString());
        Assert.Equal("كلمة في العمق", extraction.Text);
    }

    [Fact]
    public void FragmentBlocksBecomeLines()
    {
        var text = HtmlArticleExtractor.FragmentToText("<p>أولا</p><ul><li>بند <b>مهم</b></li><li>بند آخر</li></ul>سطر<br>تال<script>x()</script>");
        Assert.Equal("أولا\nبند مهم\nبند آخر\nسطر\nتال", text);
    }

    [Fact]
    public void PlainTextKeepsItsLinesAndLosesItsEntities() =>
        Assert.Equal("قال \"نعم\"\nثم مضى", HtmlArticleExtractor.ToPlainText("قال &quot;نعم&quot;\r\nثم مضى"));
}
