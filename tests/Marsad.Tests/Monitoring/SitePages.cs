using System.Net;
using System.Text;
using Marsad.Tests.Corpus;
using Marsad.Tests.Support;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// Real articles as an outlet's pages and feeds: corpus articles (../shared/data/corpus) and the seed articles
/// (../shared/seeds), each rendered as an HTML page with the furniture of a news site around it.
/// </summary>
internal static class SitePages
{
    public sealed record Article(string Slug, string Title, string Text, DateOnly? Published);

    public static List<Article> Corpus(int count) =>
        [.. CorpusSample.Read(count, 80).Select((a, i) => new Article("c" + i, a.Title ?? a.Text[..40], a.Text, a.Published))];

    public static List<Article> Seeds() =>
        [.. Directory.GetFiles(SharedData.SeedsDir, "*.txt").Order(StringComparer.Ordinal).Select(f =>
        {
            var lines = File.ReadAllLines(f, Encoding.UTF8).Where(l => l.Trim().Length > 0).ToList();
            return new Article("s-" + Path.GetFileNameWithoutExtension(f), lines[0].Trim(), string.Join('\n', lines.Skip(1)), null);
        })];

    public static string Page(Article a, string? canonical = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(a.Title)).Append("</title>");
        if (a.Published is { } p)
        {
            sb.Append("<meta property=\"article:published_time\" content=\"").Append(p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("\">");
        }

        if (canonical is not null)
        {
            sb.Append("<link rel=\"canonical\" href=\"").Append(canonical).Append("\">");
        }

        sb.Append("</head><body><header><nav><a href=\"/\">الرئيسية</a> <a href=\"/politics\">سياسة</a> <a href=\"/economy\">اقتصاد</a></nav></header><main><article><h1>")
            .Append(WebUtility.HtmlEncode(a.Title)).Append("</h1>");
        foreach (var para in a.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append("<p>").Append(WebUtility.HtmlEncode(para)).Append("</p>");
        }

        sb.Append("</article></main><footer>جميع الحقوق محفوظة</footer></body></html>");
        return sb.ToString();
    }

    public static string Rss(Uri root, IEnumerable<(string Path, Article Article)> items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>أخبار</title><link>")
            .Append(root).Append("</link><description>آخر الأخبار</description>");
        foreach (var (path, a) in items)
        {
            sb.Append("<item><title>").Append(WebUtility.HtmlEncode(a.Title)).Append("</title><link>").Append(WebUtility.HtmlEncode(new Uri(root, path).ToString())).Append("</link>");
            if (a.Published is { } p)
            {
                sb.Append("<pubDate>").Append(p.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("</pubDate>");
            }

            sb.Append("</item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }

    public static string Atom(Uri root, IEnumerable<(string Path, Article Article)> items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>موجز</title><id>")
            .Append(root).Append("atom</id><updated>2026-12-06T10:00:00Z</updated>");
        foreach (var (path, a) in items)
        {
            var url = WebUtility.HtmlEncode(new Uri(root, path).ToString());
            sb.Append("<entry><title>").Append(WebUtility.HtmlEncode(a.Title)).Append("</title><id>").Append(url).Append("</id><link rel=\"alternate\" href=\"")
                .Append(url).Append("\"/><updated>2026-12-06T10:00:00Z</updated></entry>");
        }

        return sb.Append("</feed>").ToString();
    }

    public static string NewsSitemap(Uri root, IEnumerable<(string Path, Article Article)> items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
        foreach (var (path, a) in items)
        {
            sb.Append("<url><loc>").Append(WebUtility.HtmlEncode(new Uri(root, path).ToString())).Append("</loc><news:news><news:publication><news:name>مرصد</news:name><news:language>ar</news:language></news:publication><news:publication_date>2024-01-2")
                .Append(path.Length % 9).Append("</news:publication_date><news:title>").Append(WebUtility.HtmlEncode(a.Title)).Append("</news:title></news:news></url>");
        }

        return sb.Append("</urlset>").ToString();
    }
}
