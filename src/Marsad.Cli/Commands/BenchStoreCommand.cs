using System.CommandLine;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench-store [--db DB] [--grow-from SRC --documents N [--grow-only]] [--pages N] [--add ARTICLE...]</c>: the
/// scale benchmark of the knowledge base. With <c>--grow-from</c>, first builds DB from the store SRC by copies with new
/// ids and dates moved by whole years (<see cref="StoreReplicator"/>) and builds its search index (as <c>marsad
/// reindex</c> does), so serve starts on it with nothing to rebuild; then measures serve on DB (<see cref="StoreBench"/>),
/// unless <c>--grow-only</c>.
/// </summary>
public static class BenchStoreCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var growFrom = new Option<string?>("--grow-from") { Description = "Build --db first from this store, copied with new ids and dates moved by whole years" };
        var documents = new Option<int>("--documents") { Description = "With --grow-from: how many documents to write", DefaultValueFactory = _ => 1_000_000 };
        var pages = new Option<int>("--pages") { Description = "Pages walked per list and filter", DefaultValueFactory = _ => 20 };
        var growOnly = new Option<bool>("--grow-only") { Description = "With --grow-from: build the store and its search index, measure nothing" };
        var add = new Option<string[]>("--add") { Description = "Articles to analyze into the store while it is served (measures when they are visible)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("bench-store", "Measure serve on a store: time to ready, resident memory, p50/p99 of every paged API call, and how soon an added article is served")
        {
            db, growFrom, documents, growOnly, pages, add,
        };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(db) is { Length: > 0 } d ? d : SqliteDocumentStore.DefaultPath();
            if (parse.GetValue(pages) < 1 || parse.GetValue(documents) < 1)
            {
                throw new UsageException("--pages and --documents must be ≥ 1");
            }

            if (parse.GetValue(growFrom) is { Length: > 0 } source)
            {
                Grow(source, target, parse.GetValue(documents));
                if (parse.GetValue(growOnly))
                {
                    return ExitCodes.Success;
                }
            }
            else if (parse.GetValue(growOnly))
            {
                throw new UsageException("--grow-only goes with --grow-from");
            }

            return new StoreBench(target, parse.GetValue(pages), parse.GetValue(add) ?? []).Run();
        });
        return command;
    }

    private static void Grow(string source, string target, int documents)
    {
        if (!StoreFactory.IsPostgres(source) && !File.Exists(source))
        {
            throw new UsageException($"no store at {source}");
        }

        using var from = StoreFactory.Open(source);
        using var to = StoreFactory.Open(target);
        if (to.Count() > 0)
        {
            throw new UsageException($"{StoreFactory.Redact(target)} is not empty: --grow-from writes a new store");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var written = new StoreReplicator(from, to, n => Console.Error.WriteLine($"marsad: bench-store: {n:N0} documents written ({watch.Elapsed.TotalSeconds:0} s)")).Copy(documents);
        Console.Error.WriteLine($"marsad: bench-store: {written:N0} documents in {watch.Elapsed.TotalSeconds:0} s");

        // The search index, built as `marsad reindex` builds it: serve then finds it current and starts with nothing to do.
        var indexing = System.Diagnostics.Stopwatch.StartNew();
        using var index = StoreFactory.OpenIndex(target);
        index.Skipped = IndexWarnings.Skipped;
        var step = Math.Max(100_000, written / 10);
        var reported = 0;
        var indexed = index.Rebuild(to, n =>
        {
            if (n >= reported + step)
            {
                reported = n;
                Console.Error.WriteLine($"marsad: bench-store: {n:N0} documents indexed ({indexing.Elapsed.TotalSeconds:0} s)");
            }
        });
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"marsad: bench-store: {indexed:N0} documents indexed into {index.Description} in {indexing.Elapsed.TotalSeconds:0} s ({indexed / Math.Max(indexing.Elapsed.TotalSeconds, 1e-6):0} documents/s)"));
    }
}
