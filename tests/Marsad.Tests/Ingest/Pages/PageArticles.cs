using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Ingest.Pages;

/// <summary>One real article to pour into a page layout: its headline, paragraphs, teaser and date.</summary>
internal sealed record PageArticle(string Source, string Title, IReadOnlyList<string> Paragraphs, string Summary, DateTimeOffset Time)
{
    private static readonly string[] Months =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    /// <summary>The date as Arabic outlets print it: "18 فبراير 2018".</summary>
    public string DateText => string.Create(CultureInfo.InvariantCulture, $"{Time.Day} {Months[Time.Month - 1]} {Time.Year}");
}

/// <summary>
/// Real articles from the shared ANT corpus (read from ../shared at test time, never committed): every 50th record
/// whose text is plain paragraphs (4 to 30 lines of at least 8 words, 150 to 1,500 words) that the cleaner keeps whole.
/// </summary>
internal static class PageArticles
{
    private static readonly Lazy<IReadOnlyList<PageArticle>> All = new(Read);

    public static IReadOnlyList<PageArticle> Pool => All.Value;

    /// <summary>The <paramref name="index"/>-th article of an outlet (any outlet when it has none).</summary>
    public static PageArticle Of(string source, int index)
    {
        var own = Pool.Where(a => string.Equals(a.Source, source, StringComparison.OrdinalIgnoreCase)).ToList();
        var list = own.Count > index ? own : [.. Pool];
        return list[(index * 7) % list.Count];
    }

    private static List<PageArticle> Read()
    {
        var path = SharedData.Path("data", "corpus", "ant_v2.1_multisource.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var list = new List<PageArticle>();
        var n = -1;
        while (reader.ReadLine() is { } line)
        {
            if (++n % 50 != 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var text = root.GetProperty("text").GetString() ?? "";
            var title = (root.GetProperty("title").GetString() ?? "").Trim();
            var paragraphs = text.Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var words = paragraphs.Sum(WordCount);
            if (paragraphs.Count is < 4 or > 30 || paragraphs.Any(p => WordCount(p) < 8) || words is < 150 or > 1500
                || WordCount(title) < 4 || text.Contains('<') || paragraphs.Distinct().Count() != paragraphs.Count)
            {
                continue;
            }

            // The corpus keeps some outlets' own "read also" lines inside the text: only articles whose text the
            // cleaner keeps whole are used, so that the score measures the page around them.
            if (!KeptWhole(title, paragraphs))
            {
                continue;
            }

            var summary = string.Join(' ', paragraphs[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(24)) + "…";
            var time = DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
            list.Add(new PageArticle(root.GetProperty("source").GetString()!, title, paragraphs, summary, time));
        }

        return list;
    }

    private static bool KeptWhole(string title, List<string> paragraphs)
    {
        var raw = new RawArticle { Id = "page", SourcePath = "page.txt", Kind = SourceKind.Text, Content = title + "\n" + string.Join('\n', paragraphs), Title = title };
        return ArticleCleaner.Default.Clean(raw).LinesKept == paragraphs.Count + 1;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
