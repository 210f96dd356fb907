namespace Marsad.Web.Tests.Support;

/// <summary>
/// An article page whose headline and body carry script and event-handler payloads, both as markup and as escaped text
/// (which survives cleaning as literal text), so the dashboard must show them as text and never run them.
/// </summary>
public static class HostileArticle
{
    public const string FileName = "hostile.html";

    public const string Id = "hostile";

    public const string ScriptPayload = "<script>window.__xss=1</script>";

    public const string ImagePayload = "<img src=x onerror=\"window.__xss=2\">";

    public const string Html = """
        <!doctype html>
        <html lang="ar"><head><meta charset="utf-8">
        <title>اجتماع في بغداد &lt;script&gt;window.__xss=1&lt;/script&gt;</title></head>
        <body><article>
        <h1>اجتماع في بغداد &lt;script&gt;window.__xss=1&lt;/script&gt;</h1>
        <p>عقد وزراء الخارجية اجتماعًا في بغداد يوم الأحد لبحث التعاون الاقتصادي بين البلدين وتطوير التجارة.</p>
        <p>وكتب أحد القراء في التعليق &lt;img src=x onerror="window.__xss=2"&gt; ثم أضاف &lt;script&gt;window.__xss=1&lt;/script&gt; في نهاية رسالته الطويلة.</p>
        <script>window.__xss=3</script>
        <p>وقال المتحدث باسم الوزارة إن <img src=x onerror="window.__xss=4"> المباحثات كانت إيجابية وإن جولة جديدة ستعقد في عمّان الشهر المقبل.</p>
        </article></body></html>
        """;
}
