using Marsad.Model;

namespace Marsad.Tests.Ingest.Cleaning;

/// <summary>Builds raw articles from lines written for the tests.</summary>
internal static class CleanerTestText
{
    /// <summary>A body paragraph of the test articles: long, ending with a full stop.</summary>
    public const string Para1 = "قال وزير الزراعة في مؤتمر صحفي عقده صباح اليوم إن موسم الحصاد بدأ مبكرا هذا العام بسبب ارتفاع درجات الحرارة.";

    public const string Para2 = "وأضاف الوزير أن الحكومة ستشتري المحصول من المزارعين بأسعار أعلى من أسعار العام الماضي لتشجيعهم على زيادة المساحات المزروعة.";

    public const string Para3 = "وأشار إلى أن الوزارة ستفتح مراكز جديدة لاستلام الحبوب في المحافظات الشمالية خلال الأسبوعين المقبلين.";

    public const string Headline = "وزير الزراعة يعلن بدء موسم الحصاد مبكرا";

    public static RawArticle Raw(params string[] lines) => new()
    {
        Id = "test",
        SourcePath = "/tmp/test/test.txt",
        Kind = SourceKind.Text,
        Content = string.Join('\n', lines),
    };

    public static RawArticle Html(string? title, params string[] lines) => Raw(lines) with { Kind = SourceKind.Html, Title = title };
}
