using System.Globalization;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Ingest.Pages;

/// <summary>
/// Main-text extraction on whole article pages: each layout of Fixtures/pages (modeled on an Arabic outlet: article,
/// then tags, share bars, related lists, comments, newsletter boxes, sidebars, footer; inline "read also" links) is
/// filled with real corpus articles, read from ../shared, and the page goes through the reader and the cleaner as in
/// <c>marsad analyze</c>. The text kept is scored against the article's own title, date and paragraphs
/// (<see cref="MainTextScore"/>); the per-page table is printed.
/// </summary>
public class PageLayoutExtractionTests(ITestOutputHelper output)
{
    private const int ArticlesPerLayout = 3;
    private const double MinF1 = 0.98;

    private static readonly Lazy<List<(string Layout, int Index, MainTextScore Score, string Kept, string Expected)>> Results = new(Run);

    [SharedFact]
    public void EveryLayoutFamilyKeepsTheArticleAndDropsTheRest()
    {
        var results = Results.Value;
        output.WriteLine($"{"page",-16} {"chars",6} {"kept",6} {"P",6} {"R",6} {"F1",6}");
        foreach (var (layout, index, score, kept, expected) in results)
        {
            output.WriteLine(Row($"{layout}#{index}", score));
            if (score.F1 < MinF1 || score.Precision < 0.995)
            {
                // What went wrong, line by line: kept boilerplate (+) and lost article lines (-).
                var want = expected.Split('\n').ToHashSet();
                var got = kept.Split('\n').ToHashSet();
                foreach (var line in got.Where(l => !want.Contains(l)).Take(12))
                {
                    output.WriteLine("    + " + line);
                }

                foreach (var line in want.Where(l => !got.Contains(l)).Take(6))
                {
                    output.WriteLine("    - " + line);
                }
            }
        }

        var failures = new List<string>();
        foreach (var family in results.GroupBy(r => r.Layout))
        {
            var total = family.Aggregate(default(MainTextScore), (sum, r) => sum + r.Score);
            output.WriteLine(Row(family.Key, total));
            if (total.F1 < MinF1)
            {
                failures.Add($"{family.Key}: F1 {total.F1:0.000} (P {total.Precision:0.000}, R {total.Recall:0.000})");
            }
        }

        var overall = results.Aggregate(default(MainTextScore), (sum, r) => sum + r.Score);
        output.WriteLine(Row("overall", overall));
        Assert.True(overall.F1 >= MinF1, $"overall F1 {overall.F1:0.000}");
        Assert.True(failures.Count == 0, "layouts below F1 " + MinF1 + ": " + string.Join("; ", failures));
    }

    [SharedFact]
    public void AtLeastTenLayoutsEachFilledWithDifferentArticles()
    {
        var results = Results.Value;
        Assert.True(results.Select(r => r.Layout).Distinct().Count() >= 10);
        Assert.Equal(results.Count, results.Select(r => r.Expected).Distinct().Count());
    }

    private static string Row(string name, MainTextScore s) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-16} {s.ExpectedChars,6} {s.ExtractedChars,6} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}");

    private static List<(string, int, MainTextScore, string, string)> Run()
    {
        var pool = PageArticles.Pool;
        var results = new List<(string, int, MainTextScore, string, string)>();
        var used = new HashSet<PageArticle>();
        var layouts = PageLayout.All();
        for (var l = 0; l < layouts.Count; l++)
        {
            var layout = layouts[l];
            for (var k = 0; k < ArticlesPerLayout; k++)
            {
                var article = PageArticles.Of(layout.Source, (l * ArticlesPerLayout) + k);
                if (!used.Add(article))
                {
                    article = pool.First(used.Add);
                }

                var others = pool.Where(a => a != article).Skip((l * 11) + k).Concat(pool).Where(a => a != article).ToList();
                var (html, expected) = layout.Render(article, others);
                var kept = Extract(html, $"{layout.Name}-{k}");
                results.Add((layout.Name, k, MainTextScore.Of(kept, expected), kept, expected));
            }
        }

        return results;
    }

    /// <summary>The page as <c>marsad analyze</c> reads and cleans it.</summary>
    internal static string Extract(string html, string id)
    {
        var extraction = HtmlArticleExtractor.Extract(html);
        var raw = new RawArticle
        {
            Id = id,
            SourcePath = id + ".html",
            Kind = SourceKind.Html,
            Content = extraction.Text,
            Title = extraction.Metadata.Title,
        };
        return ArticleCleaner.Default.Clean(raw).Text;
    }
}
