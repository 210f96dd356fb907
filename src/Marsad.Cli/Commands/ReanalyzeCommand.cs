using System.CommandLine;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad reanalyze [--db DB] [--batch N] [--force]</c>: annotates every stored document again with this engine and
/// connects them again, into a shadow store that replaces the store when it is whole (<see cref="ReanalyzeRunner"/>).
/// </summary>
public static class ReanalyzeCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var batch = new Option<int>("--batch") { Description = "Documents annotated, stored and connected together", DefaultValueFactory = _ => 1000 };
        var force = new Option<bool>("--force") { Description = "Re-analyze even when every document is of this engine and connected" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var command = new Command("reanalyze", "Annotate and connect every stored document again with this engine version (resumable; readers keep the old knowledge until it is done)")
        {
            db, batch, force, quiet,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(batch) < 1)
            {
                throw new UsageException("--batch must be ≥ 1");
            }

            var given = parse.GetValue(db) is { Length: > 0 } d ? d : SqliteDocumentStore.DefaultPath();
            if (!StoreFactory.IsPostgres(given) && !File.Exists(given))
            {
                throw new UsageException($"no store at {given}: run 'marsad analyze INPUT... --db {given}' first");
            }

            return new ReanalyzeRunner(given, parse.GetValue(batch), parse.GetValue(force), parse.GetValue(quiet)).Run();
        });
        return command;
    }
}
