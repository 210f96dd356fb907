using System.CommandLine;
using System.Globalization;
using Marsad.Evaluation;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval ANALYSIS GOLD [--raw DIR] [--only SECTIONS] [--min metric=value ...]</c>: scores an analysis
/// against a gold file and prints one row per metric; exits 1 when a --min bar fails, 2 on bad input.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var analysis = new Argument<FileInfo>("ANALYSIS") { Description = "the marsad.analysis/1 JSON to score" };
        var gold = new Argument<FileInfo>("GOLD") { Description = "the gold file (shaped like seeds.gold.json)" };
        var raw = new Option<DirectoryInfo?>("--raw")
        {
            Description = "folder of the raw articles the gold offsets refer to (default: ../seeds beside the gold file)",
        };
        var only = new Option<string?>("--only")
        {
            Description = "comma-separated sections to score: " + string.Join(", ", AnalysisEvaluator.Sections),
        };
        var min = new Option<string[]>("--min")
        {
            Description = "a bar metric=value, e.g. times_f1=0.9 (repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("eval", "Score an analysis against a gold file (time extents and values, published dates, boilerplate…)")
        {
            analysis, gold, raw, only, min,
        };
        command.SetAction(result => Run(
            result.GetValue(analysis)!,
            result.GetValue(gold)!,
            result.GetValue(raw),
            result.GetValue(only),
            result.GetValue(min) ?? []));
        return command;
    }

    private static int Run(FileInfo analysis, FileInfo gold, DirectoryInfo? raw, string? only, string[] min)
    {
        var minimums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var bar in min)
        {
            var eq = bar.IndexOf('=');
            if (eq <= 0 || !double.TryParse(bar.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                Console.Error.WriteLine($"--min '{bar}': expected metric=value, e.g. times_f1=0.9");
                return 2;
            }

            minimums[bar[..eq]] = value;
        }

        foreach (var file in new[] { analysis, gold })
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"file not found: {file.FullName}");
                return 2;
            }
        }

        var rawDir = raw?.FullName ?? Path.Combine(gold.DirectoryName ?? ".", "..", "seeds");
        if (!Directory.Exists(rawDir))
        {
            if (raw is not null)
            {
                Console.Error.WriteLine($"raw folder not found: {raw.FullName}");
                return 2;
            }

            rawDir = null;
        }

        EvalReport report;
        try
        {
            var sections = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            report = AnalysisEvaluator.Evaluate(analysis.FullName, gold.FullName, rawDir, sections);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var failures = report.Failures(minimums);
        Console.WriteLine($"{"metric",-24} {"value",7}  bar");
        foreach (var m in report.Metrics)
        {
            var bar = minimums.TryGetValue(m.Name, out var b) ? $"{(m.Value < b ? "<" : ">=")} {b.ToString(CultureInfo.InvariantCulture)}" : "";
            Console.WriteLine($"{m.Name,-24} {m.Value.ToString("0.000", CultureInfo.InvariantCulture),7}  {bar}");
        }

        foreach (var name in minimums.Keys.Where(k => report[k] is null))
        {
            Console.WriteLine($"{name,-24} {"missing",7}");
        }

        Console.WriteLine((failures.Count > 0 ? "FAIL " : "ok ") + string.Join(' ', (minimums.Count > 0 ? minimums.Keys : report.Metrics.Select(m => m.Name))
            .Select(k => $"{k}={(report[k] ?? double.NaN).ToString("0.00", CultureInfo.InvariantCulture)}")));
        return failures.Count > 0 ? 1 : 0;
    }
}
