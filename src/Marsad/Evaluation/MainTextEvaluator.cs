using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Evaluation;

/// <summary>One page of a main-text evaluation: the page as read, the text a reader keeps of it, and the score.</summary>
public sealed record MainTextRow(string Name, MainTextScore Score, string Kept, string Expected);

/// <summary>
/// Scores main-text extraction on whole pages: each page, as its reader produced it, goes through
/// <see cref="ArticleCleaner"/> (with the repeated-line context of the whole set when one is given, as
/// <c>marsad analyze</c> does) and the text kept is compared with the known main text (<see cref="MainTextScore"/>).
/// </summary>
public static class MainTextEvaluator
{
    public static List<MainTextRow> Evaluate(IReadOnlyList<(RawArticle Page, string Expected)> pages, CleanerContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var rows = new List<MainTextRow>(pages.Count);
        foreach (var (page, expected) in pages)
        {
            var kept = ArticleCleaner.Default.Clean(page, context).Text;
            rows.Add(new MainTextRow(page.Id, MainTextScore.Of(kept, expected), kept, expected));
        }

        return rows;
    }

    /// <summary>The sum of the rows' scores: micro-averaged over their characters.</summary>
    public static MainTextScore Total(IEnumerable<MainTextRow> rows) => rows.Aggregate(default(MainTextScore), (sum, r) => sum + r.Score);

    /// <summary>One table line: name, expected and kept characters, precision, recall, F1.</summary>
    public static string Format(string name, MainTextScore s) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name,-24} {s.ExpectedChars,7} {s.ExtractedChars,7} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}");

    public static string Header => $"{"page",-24} {"chars",7} {"kept",7} {"P",6} {"R",6} {"F1",6}";
}
