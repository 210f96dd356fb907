using System.CommandLine;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad enqueue INPUT... --db postgres://…</c>: reads the inputs (as <c>analyze</c> does) and queues every article as
/// one batch for <c>marsad worker</c> processes. Ids are given as in analyze (<see cref="DocumentIds"/>).
/// </summary>
public static class EnqueueCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders (read recursively): .txt, .html/.htm, .json/.jsonl, RSS/Atom .xml",
        };
        var db = new Option<string?>("--db") { Description = "The PostgreSQL store (postgres://… or Host=…; default: MARSAD_DB)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line" };
        var command = new Command("enqueue", "Queue articles in PostgreSQL for marsad worker processes")
        {
            inputs, db, quiet,
        };
        command.SetAction(parse =>
        {
            var connection = WorkerCommand.PostgresConnection(parse.GetValue(db));
            using var queue = PostgresJobQueue.Open(connection);
            var articles = new List<RawArticle>();
            var prepared = new InputArticles(queue.Store, "queued");
            var failed = false;
            foreach (var outcome in ArticleReader.ReadAll(parse.GetValue(inputs) ?? []))
            {
                foreach (var warning in outcome.Warnings)
                {
                    AnalyzeReport.Warn(warning.ToString());
                }

                if (outcome.Article is { } article)
                {
                    articles.Add(prepared.Prepare(article));
                }
                else if (outcome.Error is { } error)
                {
                    Console.Error.WriteLine("marsad: " + error);
                    failed = true;
                }
            }

            var batch = queue.Enqueue(articles);
            if (!parse.GetValue(quiet))
            {
                Console.WriteLine($"queued {articles.Count} documents (batch {batch}) in {queue.Store.Description}");
            }

            return failed ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
