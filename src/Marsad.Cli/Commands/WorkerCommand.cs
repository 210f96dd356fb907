using System.CommandLine;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Knowledge;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad worker --db postgres://… [--lease 60] [--poll 2] [--drain] [--id NAME]</c>: takes queued documents from
/// PostgreSQL, analyzes and stores them; run as many as you like, on one machine or many. Ctrl+C finishes the current
/// document and stops; a killed worker's document goes to another worker when its lease expires.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "The PostgreSQL store (postgres://… or Host=…; default: MARSAD_DB)" };
        var lease = new Option<double>("--lease") { Description = "Seconds a claimed document stays this worker's without renewal", DefaultValueFactory = _ => 60 };
        var poll = new Option<double>("--poll") { Description = "Seconds to wait when the queue is empty", DefaultValueFactory = _ => 2 };
        var drain = new Option<bool>("--drain") { Description = "Stop when nothing is queued or running, instead of waiting for more" };
        var id = new Option<string?>("--id") { Description = "This worker's name in the queue (default: host:pid:random)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "One line per document on standard error" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line" };

        // Fault injection for the lease tests: hold each claimed job this long before analyzing it.
        var claimPause = new Option<int>("--claim-pause-ms") { Hidden = true };

        var command = new Command("worker", "Analyze queued documents from PostgreSQL (run any number of workers)")
        {
            db, lease, poll, drain, id, verbose, quiet, claimPause,
        };
        command.SetAction(parse =>
        {
            var connection = PostgresConnection(parse.GetValue(db));
            if (parse.GetValue(lease) < 1 || parse.GetValue(poll) <= 0)
            {
                throw new UsageException("--lease must be ≥ 1 second and --poll > 0");
            }

            var options = new QueueWorkerOptions
            {
                Owner = parse.GetValue(id) ?? QueueWorkerOptions.DefaultOwner(),
                Lease = TimeSpan.FromSeconds(parse.GetValue(lease)),
                Poll = TimeSpan.FromSeconds(parse.GetValue(poll)),
                Drain = parse.GetValue(drain),
                ClaimPause = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(claimPause))),
            };
            using var queue = PostgresJobQueue.Open(connection);
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            var verboseOn = parse.GetValue(verbose);

            // A store that keeps knowledge gets each document connected as soon as it is stored (the engine's one run);
            // a document its story dates is stored again with that date.
            var knowledge = (object)queue.Store as IKnowledgeBase;
            var run = knowledge is null ? null : new KnowledgeRun(knowledge, analyzer: DocumentAnalyzer.Default);
            var worker = new QueueWorker(queue, DocumentAnalyzer.Default, options)
            {
                OnStored = run is null ? null : document =>
                {
                    foreach (var dated in run.Connect([document]).Redated)
                    {
                        queue.Store.Save(StoredDocuments.From(dated));
                    }
                },
                OnJob = (doc, outcome) =>
                {
                    if (verboseOn || outcome.StartsWith("failed", StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine("marsad: " + Ingest.DisplayText.Escape($"{options.Owner}: {doc}: {outcome}"));
                    }
                },
            };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var report = worker.Run(cancel.Token);
            if (!parse.GetValue(quiet))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"worker {options.Owner}: {report.Completed} documents ({report.Inserted} new, {report.Updated} updated, {report.Unchanged} unchanged), {report.Failed} failed, {report.Lost} lost leases, {watch.Elapsed.TotalSeconds:0.0} s"));
            }

            return report.Failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The Npgsql connection string of --db (or MARSAD_DB); a SQLite path is a usage error.</summary>
    internal static string PostgresConnection(string? dbArg)
    {
        var db = string.IsNullOrWhiteSpace(dbArg) ? Environment.GetEnvironmentVariable("MARSAD_DB") : dbArg;
        if (string.IsNullOrWhiteSpace(db) || !StoreFactory.IsPostgres(db))
        {
            throw new UsageException("the work queue lives in PostgreSQL: give --db postgres://user:password@host/database (or set MARSAD_DB)");
        }

        try
        {
            return StoreFactory.ToNpgsqlConnectionString(db);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
