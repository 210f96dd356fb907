using System.CommandLine;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad watch SOURCES [--db DB] [--interval 15m] [--once]</c>: follows feeds, sitemaps and folders, and adds each new
/// article to the knowledge base (<see cref="SourceWatcher"/>); one line per new article on standard output, one per
/// problem on standard error, a summary at shutdown. On PostgreSQL any number of watchers share the sources.
/// </summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var sourcesFile = new Argument<FileInfo>("SOURCES") { Description = "The sources: a .json or .yaml list, or one address or folder a line" };
        var db = DbOption.Create();
        var interval = new Option<string>("--interval") { Description = "Time between two polls of a source (300, 90s, 15m, 2h)", DefaultValueFactory = _ => "15m" };
        var once = new Option<bool>("--once") { Description = "Poll every source once, then exit (for cron)" };
        var hostDelay = new Option<string>("--host-delay") { Description = "Least time between two requests to one host (a robots.txt Crawl-delay may ask more)", DefaultValueFactory = _ => "1s" };
        var timeout = new Option<string>("--timeout") { Description = "How long one request may wait for an answer", DefaultValueFactory = _ => "30s" };
        var retries = new Option<int>("--retries") { Description = "Retries on 5xx, 429 and timeouts (exponential backoff with jitter)", DefaultValueFactory = _ => 3 };
        var maxSize = new Option<int>("--max-size") { Description = "Largest page or feed read, in MiB", DefaultValueFactory = _ => 16 };
        var parallel = new Option<int>("--parallel") { Description = "Sources polled at once", DefaultValueFactory = _ => 4 };
        var batch = new Option<int>("--batch") { Description = "Articles fetched, then analyzed, stored and connected together", DefaultValueFactory = _ => 64 };
        var id = new Option<string?>("--id") { Description = "This watcher's name in the leases (default: host:pid:random)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No line per article, no summary (problems are still reported)" };

        // For the tests: the first retry's delay (the base of the backoff).
        var retryDelay = new Option<string>("--retry-delay") { Hidden = true, DefaultValueFactory = _ => "2s" };

        var command = new Command("watch", "Follow RSS/Atom feeds, sitemaps and folders; add each new article to the knowledge base")
        {
            sourcesFile, db, interval, once, hostDelay, timeout, retries, maxSize, parallel, batch, id, quiet, retryDelay,
        };
        command.SetAction(parse =>
        {
            TimeSpan Duration(Option<string> option, bool zeroOk = false)
            {
                var text = parse.GetValue(option);
                if (zeroOk && text?.Trim() is "0" or "0s")
                {
                    return TimeSpan.Zero;
                }

                return SourceList.ParseDuration(text) ?? throw new UsageException($"{option.Name}: '{text}' is not a duration (e.g. 300, 90s, 15m, 2h)");
            }

            if (parse.GetValue(retries) is < 0 or > 10 || parse.GetValue(maxSize) < 1 || parse.GetValue(parallel) is < 1 or > 64 || parse.GetValue(batch) < 1)
            {
                throw new UsageException("--retries must be 0–10, --max-size ≥ 1 (MiB), --parallel 1–64, --batch ≥ 1");
            }

            var fetch = new FetchOptions
            {
                HostDelay = Duration(hostDelay, zeroOk: true),
                Timeout = Duration(timeout),
                Retries = parse.GetValue(retries),
                RetryDelay = Duration(retryDelay),
                MaxBodyBytes = parse.GetValue(maxSize) * 1024L * 1024L,
            };
            var options = new WatchOptions
            {
                Owner = parse.GetValue(id) ?? QueueWorkerOptions.DefaultOwner(),
                Interval = Duration(interval),
                Parallel = parse.GetValue(parallel),
                Chunk = parse.GetValue(batch),
            };
            var file = parse.GetValue(sourcesFile)!;
            if (!file.Exists)
            {
                throw new UsageException($"{file.FullName}: no such sources file");
            }

            IReadOnlyList<WatchSource> sources;
            try
            {
                sources = SourceList.Read(file.FullName);
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }

            return Run(parse.GetValue(db), sources, fetch, options, parse.GetValue(once), parse.GetValue(quiet));
        });
        return command;
    }

    private static int Run(string? dbArg, IReadOnlyList<WatchSource> sources, FetchOptions fetch, WatchOptions options, bool once, bool quiet)
    {
        using var store = StoreFactory.Open(dbArg);
        if (store.Migrated is { } migrated)
        {
            Console.Error.WriteLine("marsad: " + migrated);
        }

        if (store is SqliteDocumentStore)
        {
            // One machine owns a SQLite store: leases left by a killed watcher are let go at once.
            store.ReleaseLeases();
        }

        using var fetcher = new WebFetcher(fetch);
        var output = TextWriter.Synchronized(Console.Out);
        var errors = TextWriter.Synchronized(Console.Error);
        var watcher = new SourceWatcher(store, fetcher, options, DocumentAnalyzer.Default)
        {
            OnArticle = quiet ? null : line => output.WriteLine(line),
            OnProblem = line => errors.WriteLine("marsad: watch: " + line),
        };

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(watcher);
        builder.Services.AddSingleton(sources);
        builder.Services.AddSingleton(sp => new WatchService(watcher, sources, once, sp.GetRequiredService<IHostApplicationLifetime>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WatchService>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var host = builder.Build())
        {
            var service = host.Services.GetRequiredService<WatchService>();
            host.Run();
            if (service.Failure is { } failure)
            {
                throw failure;
            }
        }

        var report = watcher.Report;
        if (!quiet)
        {
            output.WriteLine(report.Summary(clock.Elapsed, fetcher.Requests, fetcher.Retries));
            foreach (var (source, error) in report.Failing.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failing: {Ingest.DisplayText.Escape(source)}: {Ingest.DisplayText.Escape(error)}"));
            }
        }

        return once && (!report.Failing.IsEmpty || report.ArticleErrors > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
