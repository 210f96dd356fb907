using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>Page furniture found by structure (synthetic pages written for these tests; neutral class names).</summary>
public class HtmlFurniturePrunerTests
{
    private static readonly string[] Paragraphs =
    [
        "أعلنت البلدية صباح اليوم عن افتتاح الجسر الجديد الذي يربط شرق المدينة بغربها بعد أعمال استمرت ثلاث سنوات كاملة.",
        "وقال رئيس البلدية في مؤتمر صحفي إن الجسر سيخفف الازدحام في ساعات الذروة ويختصر زمن التنقل إلى النصف تقريبا.",
        "وأضاف أن كلفة المشروع بلغت نحو مئة مليون دينار تحملتها الخزينة العامة بالكامل دون أي قروض خارجية.",
        "ومن المنتظر أن تبدأ المرحلة الثانية من المشروع في الربيع المقبل لتشمل طرقا فرعية ومواقف جديدة للسيارات.",
        "وأبدى عدد من السكان ارتياحهم للمشروع بينما طالب آخرون بتحسين وسائل النقل العام في الأحياء الطرفية من المدينة.",
        "وتعد هذه المرة الأولى منذ عقدين التي تنفذ فيها البلدية مشروعا بهذا الحجم في قلب المدينة القديمة.",
    ];

    private static readonly string[] Titles =
    [
        "ارتفاع أسعار الخضار في الأسواق المحلية مع بداية الشتاء",
        "فريق المدينة يفوز بكأس البطولة بعد مباراة مثيرة",
        "وزارة التعليم تعلن موعد بدء العام الدراسي الجديد",
        "افتتاح معرض الكتاب بمشاركة مئات دور النشر العربية",
    ];

    private static string Page(string body, string after = "") =>
        $"<html><head><title>افتتاح جسر جديد في المدينة</title></head><body><div class=\"wrap\"><h1>افتتاح جسر جديد في المدينة</h1><div class=\"txt\">{body}</div>{after}</div></body></html>";

    private static string P(int i) => $"<p>{Paragraphs[i]}</p>";

    private static string AllParagraphs() => string.Concat(Enumerable.Range(0, Paragraphs.Length).Select(P));

    private static string Text(string html) => HtmlArticleExtractor.Extract(html).Text;

    private static void AssertWholeArticle(string text)
    {
        foreach (var paragraph in Paragraphs)
        {
            Assert.Contains(paragraph, text);
        }
    }

    [Fact]
    public void NamesLinkedInsideParagraphsStay()
    {
        var body = string.Concat(Paragraphs.Select(p =>
        {
            var words = p.Split(' ');
            return $"<p>{words[0]} <a href=\"/tag/1\">{words[1]} {words[2]}</a> {string.Join(' ', words[3..])}</p>";
        }));
        AssertWholeArticle(Text(Page(body)));
    }

    [Fact]
    public void ReadAlsoLinesBetweenParagraphsGoAndTheParagraphsStay()
    {
        var body = P(0) + P(1) + $"<p><a href=\"/x\"><strong>طالع.. {Titles[0]}</strong></a></p>" + P(2) + P(3)
            + $"<p><a href=\"/y\"><strong>طالع.. {Titles[1]}</strong></a></p>" + P(4) + P(5)
            + $"<p><a href=\"/z\"><strong>طالع.. {Titles[2]}</strong></a></p>";
        var text = Text(Page(body));
        AssertWholeArticle(text);
        Assert.DoesNotContain(Titles[0], text);
        Assert.DoesNotContain(Titles[1], text);
    }

    [Fact]
    public void TeaserCardsWithSummariesGoWithTheirHeading()
    {
        var cards = string.Concat(Titles.Select((t, i) =>
            $"<div class=\"c\"><a href=\"/n{i}\"><img src=\"/i.jpg\"></a><div><a href=\"/n{i}\">{t}</a><p>{Paragraphs[(i + 2) % 6][..60]}…</p><span>منذ ساعتين</span></div></div>"));
        var text = Text(Page(AllParagraphs(), $"<div class=\"b\"><div class=\"h\">قصص من الموقع</div>{cards}</div>"));
        AssertWholeArticle(text);
        Assert.DoesNotContain("قصص من الموقع", text);
        Assert.DoesNotContain(Titles[3], text);
        Assert.DoesNotContain("منذ ساعتين", text);
    }

    [Fact]
    public void FlatTeaserListGoes()
    {
        var list = string.Concat(Titles.Select((t, i) => $"<h4><a href=\"/n{i}\">{t}</a></h4><p>{Paragraphs[i][..70]}…</p><span>منذ يوم</span>"));
        var text = Text(Page(AllParagraphs(), $"<div class=\"m\"><h3>من القسم نفسه</h3>{list}</div>"));
        AssertWholeArticle(text);
        Assert.DoesNotContain("من القسم نفسه", text);
        Assert.DoesNotContain(Titles[2], text);
        Assert.DoesNotContain("منذ يوم", text);
    }

    [Fact]
    public void FormWidgetGoesWithItsPrompt()
    {
        var box = "<div class=\"n\"><div>نشرتنا</div><p>احصل على ملخص الأخبار كل صباح مجانا في بريدك، ويمكنك إلغاء الاشتراك متى شئت.</p><input type=\"email\"><a>سجل</a></div>";
        var text = Text(Page(AllParagraphs() + box));
        AssertWholeArticle(text);
        Assert.DoesNotContain("احصل على ملخص", text);
    }

    [Fact]
    public void SubheadingAboveAnInlineListStays()
    {
        var inline = $"<ul><li><a href=\"/a\">{Titles[0]}</a></li><li><a href=\"/b\">{Titles[1]}</a></li></ul>";
        var text = Text(Page(P(0) + P(1) + P(2) + "<h3>ردود فعل السكان</h3>" + inline + P(3) + P(4) + P(5)));
        AssertWholeArticle(text);
        Assert.Contains("ردود فعل السكان", text);
        Assert.DoesNotContain(Titles[0], text);
    }

    [Fact]
    public void AnUnclosedLinkDoesNotTakeTheArticle()
    {
        var text = Text(Page(P(0) + $"<p>{Paragraphs[1]} <a href=\"/x\">المزيد" + string.Concat(Enumerable.Range(2, 4).Select(P))));
        AssertWholeArticle(text);
    }

    [Fact]
    public void APageWideFormIsNotAWidget()
    {
        var html = Page(AllParagraphs()).Replace("<div class=\"wrap\">", "<form id=\"page\"><input type=\"hidden\" name=\"state\"><div class=\"wrap\">", StringComparison.Ordinal)
            .Replace("</body>", "<button>بحث</button></form></body>", StringComparison.Ordinal);
        AssertWholeArticle(Text(html));
    }
}
