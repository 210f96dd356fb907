using System.CommandLine;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench [INPUT...] [--limit N] [--threads N] [--repeat]</c>: end-to-end throughput of the analysis, stage by
/// stage on one thread and whole on many, beside a bare Lucene.NET ArabicAnalyzer pass over the same articles (the
/// yardstick), with peak memory.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Articles to measure on (default: the article corpus in ../shared/data/corpus)",
        };
        var limit = new Option<int>("--limit", "-n") { Description = "Measure on at most this many articles (0: all)", DefaultValueFactory = _ => 10_000 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds after one warm-up round; the best round is reported", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads", "-t") { Description = "Threads for the end-to-end pass (0: every core)", DefaultValueFactory = _ => 0 };
        var noWarmUp = new Option<bool>("--no-warmup") { Description = "Skip the warm-up round (for large inputs, where one round is long enough)" };
        var repeat = new Option<bool>("--repeat") { Description = "Cycle the input until --limit articles are measured (the corpus is smaller than 100k)" };
        var command = new Command("bench", "Measure articles/s and MB/s per stage, peak memory, and the ratio to a bare Lucene ArabicAnalyzer pass")
        {
            inputs, limit, rounds, threads, repeat, noWarmUp,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : DefaultCorpus();
            var n = parse.GetValue(limit);
            var r = parse.GetValue(rounds);
            var t = parse.GetValue(threads);
            if (n < 0 || r < 1 || t < 0)
            {
                throw new UsageException("--limit and --threads must be ≥ 0 and --rounds ≥ 1");
            }

            return BenchRunner.Run(paths, n, r, t, parse.GetValue(repeat), !parse.GetValue(noWarmUp));
        });
        return command;
    }

    private static string[] DefaultCorpus()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("MARSAD_SHARED"), Path.Combine("..", "shared") })
        {
            if (!string.IsNullOrEmpty(candidate) && Directory.Exists(Path.Combine(candidate, "data", "corpus")))
            {
                return Directory.GetFiles(Path.Combine(candidate, "data", "corpus"), "*.jsonl.gz").Order(StringComparer.Ordinal).ToArray();
            }
        }

        throw new UsageException("no INPUT given and no ../shared/data/corpus here (or MARSAD_SHARED): name the articles to measure on");
    }
}
