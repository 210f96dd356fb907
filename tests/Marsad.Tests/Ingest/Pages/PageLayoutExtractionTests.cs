using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Ingest.Pages;

/// <summary>
/// Main-text extraction on whole article pages: each layout of Fixtures/pages (modeled on an Arabic outlet: article,
/// then tags, share bars, related lists, comments, newsletter boxes, sidebars, footer; inline "read also" links) is
/// filled with real corpus articles, read from ../shared, and the page goes through the reader and the cleaner as in
/// <c>marsad analyze</c>, each page alone (no repeated-line context). The text kept is scored against the article's
/// own title, date and paragraphs (<see cref="MainTextScore"/>); the per-page table is printed.
/// </summary>
public class PageLayoutExtractionTests(ITestOutputHelper output)
{
    private const int ArticlesPerLayout = 3;
    private const double MinF1 = 0.98;

    private static readonly Lazy<List<(string Layout, MainTextRow Row)>> Results = new(() =>
    {
        var pages = Render();
        var rows = MainTextEvaluator.Evaluate([.. pages.Select(p => (Read(p.Name, p.Html), p.Expected))]);
        return [.. pages.Select((p, i) => (p.Layout, rows[i]))];
    });

    [SharedFact]
    public void EveryLayoutFamilyKeepsTheArticleAndDropsTheRest()
    {
        var results = Results.Value;
        output.WriteLine(MainTextEvaluator.Header);
        foreach (var (_, row) in results)
        {
            output.WriteLine(MainTextEvaluator.Format(row.Name, row.Score));
            if (row.Score.F1 < MinF1)
            {
                // What went wrong, line by line: kept boilerplate (+) and lost article lines (-).
                var want = row.Expected.Split('\n').ToHashSet();
                var got = row.Kept.Split('\n').ToHashSet();
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
            var total = MainTextEvaluator.Total(family.Select(r => r.Row));
            output.WriteLine(MainTextEvaluator.Format(family.Key, total));
            if (total.F1 < MinF1)
            {
                failures.Add($"{family.Key}: F1 {total.F1:0.000} (P {total.Precision:0.000}, R {total.Recall:0.000})");
            }
        }

        var overall = MainTextEvaluator.Total(results.Select(r => r.Row));
        output.WriteLine(MainTextEvaluator.Format("overall", overall));
        Assert.True(overall.F1 >= MinF1, $"overall F1 {overall.F1:0.000}");
        Assert.True(failures.Count == 0, "layouts below F1 " + MinF1 + ": " + string.Join("; ", failures));
    }

    [SharedFact]
    public void AtLeastTenLayoutsEachFilledWithDifferentArticles()
    {
        var results = Results.Value;
        Assert.True(results.Select(r => r.Layout).Distinct().Count() >= 10);
        Assert.Equal(results.Count, results.Select(r => r.Row.Expected).Distinct().Count());
    }

    [SharedFact]
    public void EvalPagesScoresSavedPagesWithTheirText()
    {
        using var tmp = new TempDir();
        foreach (var page in Render().Where(p => p.Layout == "masrawy"))
        {
            File.WriteAllText(tmp.File(page.Name + ".html"), page.Html);
            File.WriteAllText(tmp.File(page.Name + ".txt"), page.Expected);
        }

        File.WriteAllText(tmp.File("orphan.html"), "<html><body><p>نص.</p></body></html>");
        var result = CliRunner.Run("eval-pages", tmp.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("orphan.txt", result.Stderr, StringComparison.Ordinal);
        var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ArticlesPerLayout + 2, rows.Length);
        var f1 = double.Parse(rows[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("overall", rows[^1], StringComparison.Ordinal);
        Assert.True(f1 >= MinF1, rows[^1]);
    }

    /// <summary>Every layout filled with <see cref="ArticlesPerLayout"/> different corpus articles.</summary>
    private static List<(string Layout, string Name, string Html, string Expected)> Render()
    {
        var pool = PageArticles.Pool;
        var pages = new List<(string, string, string, string)>();
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
                pages.Add((layout.Name, $"{layout.Name}#{k}", html, expected));
            }
        }

        return pages;
    }

    /// <summary>The page as <c>marsad analyze</c> reads it.</summary>
    private static RawArticle Read(string id, string html)
    {
        var extraction = HtmlArticleExtractor.Extract(html);
        return new RawArticle
        {
            Id = id,
            SourcePath = id + ".html",
            Kind = SourceKind.Html,
            Content = extraction.Text,
            Title = extraction.Metadata.Title,
            Outlet = extraction.Metadata.Outlet,
            Published = extraction.Metadata.Published,
        };
    }
}
