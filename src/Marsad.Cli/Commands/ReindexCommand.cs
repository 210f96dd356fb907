using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad reindex [--db DB] [--index DIR] [--incremental]</c>: rebuilds the search index from the store (the source of
/// truth), or with <c>--incremental</c> only catches up with the documents written since the index last followed the store
/// (e.g. by workers).
/// </summary>
public static class ReindexCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var index = new Option<string?>("--index") { Description = "The search index folder (default: beside the SQLite file, e.g. marsad.db.index)" };
        var incremental = new Option<bool>("--incremental") { Description = "Only update what changed since the index was last written" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line" };
        var command = new Command("reindex", "Rebuild the search index from the store")
        {
            db, index, incremental, quiet,
        };
        command.SetAction(parse =>
        {
            var dbArg = parse.GetValue(db);
            using var store = StoreFactory.Open(dbArg);
            using var target = StoreFactory.OpenIndex(dbArg, parse.GetValue(index));
            target.Skipped = IndexWarnings.Skipped;
            var watch = Stopwatch.StartNew();
            var count = parse.GetValue(incremental) ? target.CatchUp(store) : target.Rebuild(store);
            watch.Stop();
            if (!parse.GetValue(quiet))
            {
                var rate = count / Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(parse.GetValue(incremental) ? "updated" : "indexed")} {count} documents from {store.Description} into {target.Description} in {watch.Elapsed.TotalSeconds:0.0} s ({rate:0} documents/s)"));
            }

            return target.SkippedCount > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
