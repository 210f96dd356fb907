using System.CommandLine;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad analyze INPUT... [--json FILE] [--db PATH]</c>: read, clean, annotate and store articles.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders (read recursively): .txt, .html/.htm, .json/.jsonl, RSS/Atom .xml",
        };
        inputs.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for an input path.
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value != "-" && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"unknown option '{token.Value}' (options: --json FILE, --db PATH, --quiet)");
                }
            }
        });
        var json = new Option<string?>("--json") { Description = "Write the analysis (marsad.analysis/1) to this file ('-' for standard output)" };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default: marsad.db in the user's data directory, or MARSAD_DB)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no summary table; errors still go to standard error" };

        var command = new Command("analyze", "Read, clean, annotate and store articles; optionally write the analysis as JSON")
        {
            inputs, json, db, quiet,
        };
        command.SetAction(parse =>
        {
            var options = new AnalyzeOptions(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(json),
                parse.GetValue(db) ?? SqliteDocumentStore.DefaultPath(),
                parse.GetValue(quiet));
            return AnalyzeRunner.Run(options);
        });
        return command;
    }
}

/// <summary>The options of one <c>analyze</c> run.</summary>
public sealed record AnalyzeOptions(IReadOnlyList<string> Inputs, string? JsonPath, string DbPath, bool Quiet);
