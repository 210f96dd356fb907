using System.CommandLine;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval-pages FOLDER</c>: main-text extraction on saved web pages. Every NAME.html (or .htm) in the folder
/// comes with NAME.txt, the article's text as a reader keeps it (headline, paragraphs); each page is read and cleaned as
/// <c>marsad analyze</c> does and scored by characters (<see cref="MainTextScore"/>): one row per page, then the total.
/// </summary>
public static class EvalPagesCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("FOLDER") { Description = "a folder of NAME.html pages, each with NAME.txt holding its main text" };
        var show = new Option<bool>("--show") { Description = "under each page below F1 0.98, the lines kept that are not in its text (+) and those lost (-)" };
        var command = new Command("eval-pages", "Measure main-text extraction on saved web pages against their known text (character precision, recall, F1)") { folder, show };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!;
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"eval-pages: {dir}: no such folder");
            }

            var pages = new List<(RawArticle, string)>();
            foreach (var path in Directory.GetFiles(dir).Where(IsPage).Order(StringComparer.Ordinal))
            {
                var expectedPath = Path.ChangeExtension(path, ".txt");
                if (!File.Exists(expectedPath))
                {
                    Console.Error.WriteLine($"{path}: no {Path.GetFileName(expectedPath)} beside it; skipped");
                    continue;
                }

                var outcome = ArticleReader.Read(path).First();
                if (outcome.Article is not { } article)
                {
                    Console.Error.WriteLine($"{outcome.Error?.ToString() ?? path + ": unreadable"}; skipped");
                    continue;
                }

                pages.Add((article, File.ReadAllText(expectedPath)));
            }

            if (pages.Count == 0)
            {
                throw new UsageException($"eval-pages: {dir}: no page with its .txt beside it");
            }

            var rows = MainTextEvaluator.Evaluate(pages, CleanerContext.Build(pages.Select(p => p.Item1)));
            Console.WriteLine(MainTextEvaluator.Header);
            foreach (var row in rows)
            {
                Console.WriteLine(MainTextEvaluator.Format(row.Name, row.Score));
                if (parse.GetValue(show) && row.Score.F1 < 0.98)
                {
                    var want = row.Expected.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
                    var got = row.Kept.Split('\n').ToHashSet(StringComparer.Ordinal);
                    foreach (var line in got.Where(l => !want.Contains(l)))
                    {
                        Console.WriteLine("    + " + line);
                    }

                    foreach (var line in want.Where(l => l.Length > 0 && !got.Contains(l)))
                    {
                        Console.WriteLine("    - " + line);
                    }
                }
            }

            Console.WriteLine(MainTextEvaluator.Format("overall", MainTextEvaluator.Total(rows)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsPage(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
