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
                    result.AddError($"unknown option '{token.Value}' (options: --json FILE, --db PATH, --index DIR, --no-index, --batch N, --quiet)");
                }
            }
        });
        var json = new Option<string?>("--json") { Description = "Write the analysis (marsad.analysis/1) to this file ('-' for standard output)" };
        var db = DbOption.Create();
        var index = new Option<string?>("--index") { Description = "The search index folder to update (default: beside the SQLite file, e.g. marsad.db.index)" };
        var noIndex = new Option<bool>("--no-index") { Description = "Do not update the search index" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no summary table; errors still go to standard error" };
        var batch = new Option<int>("--batch")
        {
            Description = "Documents saved in one transaction: a killed run loses at most this many; more save faster",
            DefaultValueFactory = _ => AnalyzeOptions.DefaultSaveBatch,
        };
        batch.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--batch must be at least 1");
            }
        });

        var command = new Command("analyze", "Read, clean, annotate and store articles; optionally write the analysis as JSON")
        {
            inputs, json, db, index, noIndex, batch, quiet,
        };
        command.SetAction(parse =>
        {
            var options = new AnalyzeOptions(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(json),
                parse.GetValue(db) ?? SqliteDocumentStore.DefaultPath(),
                parse.GetValue(quiet),
                parse.GetValue(index),
                parse.GetValue(noIndex)) { SaveBatch = parse.GetValue(batch) };
            return AnalyzeRunner.Run(options);
        });
        return command;
    }
}

/// <summary>The options of one <c>analyze</c> run.</summary>
public sealed record AnalyzeOptions(IReadOnlyList<string> Inputs, string? JsonPath, string DbPath, bool Quiet, string? IndexPath = null, bool NoIndex = false)
{
    /// <summary>Opens the store in place of <see cref="StoreFactory.Open"/> (tests give a store of their own).</summary>
    internal Func<string, IDocumentStore>? OpenStore { get; init; }

    /// <summary>
    /// Articles connected and stored together: a larger input goes in chunks of this many, in date order, so that a run's
    /// memory holds one chunk's documents (tests make it small).
    /// </summary>
    internal int ChunkSize { get; init; } = 4096;

    public const int DefaultSaveBatch = 256;

    /// <summary>Documents saved in one transaction (a transaction a document cost more than the saving itself).</summary>
    public int SaveBatch { get; init; } = DefaultSaveBatch;
}
