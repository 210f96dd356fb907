using System.CommandLine;
using System.Globalization;
using System.Text;
using Marsad.Storage;
using Marsad.Storage.Alerts;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad alerts [--watchlist ID] [--since WHEN] [--follow] [--interval S] [--jsonl FILE]</c>: the alerts of a store
/// as JSON lines (<see cref="AlertJson"/>), oldest first, on standard output or appended to a file; an alert that gains a
/// source comes again with all its sources. <c>--follow</c> keeps reading new ones until Ctrl-C.
/// <c>marsad alerts deliver [--follow]</c> sends the webhook outbox (<see cref="WebhookDeliverer"/>).
/// </summary>
public static class AlertsCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var watchlist = new Option<string?>("--watchlist") { Description = "Only the alerts of this watchlist (by id)" };
        var since = new Option<string?>("--since") { Description = "Only alerts raised or updated at or after this time (ISO 8601: 2024-01-25 or 2024-01-25T08:00Z)" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading: print new and updated alerts as they come, until Ctrl-C" };
        var interval = Interval();
        var jsonl = new Option<string?>("--jsonl") { Description = "Append the JSON lines to this file (default: standard output)" };
        var command = new Command("alerts", "Print the alerts the watchlists raised, as JSON lines (oldest first)") { db, watchlist, since, follow, interval, jsonl };
        command.Subcommands.Add(Deliver());
        command.SetAction(parse =>
        {
            var from = parse.GetValue(since) is { } text ? Since(text) : null;
            var seconds = Seconds(parse.GetValue(interval));
            using var store = StoreFactory.Open(parse.GetValue(db));
            var path = parse.GetValue(jsonl);
            using var output = path is null ? Console.OpenStandardOutput() : OpenAppend(path);
            using var writer = new StreamWriter(output, new UTF8Encoding(false)) { NewLine = "\n" };
            using var cancel = CancelOnCtrlC();
            var names = new Dictionary<string, string?>(StringComparer.Ordinal);
            AlertMark? mark = null;
            do
            {
                while (!cancel.IsCancellationRequested)
                {
                    var alerts = store.AlertsAfter(mark, parse.GetValue(watchlist), from, 500);
                    foreach (var a in alerts)
                    {
                        if (!names.TryGetValue(a.Watchlist, out var name))
                        {
                            names[a.Watchlist] = name = store.Watchlist(a.Watchlist)?.Name;
                        }

                        writer.WriteLine(AlertJson.Write(a, name));
                        mark = new AlertMark(a.Seq, a.Id);
                    }

                    writer.Flush();
                    if (alerts.Count < 500)
                    {
                        break;
                    }
                }
            }
            while (parse.GetValue(follow) && !cancel.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(seconds)));

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Deliver()
    {
        var db = DbOption.Create();
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep delivering as alerts come, until Ctrl-C" };
        var interval = Interval();
        var command = new Command("deliver", "Send the webhook deliveries waiting in the outbox (signed, retried; a stopped run resumes without losing any)") { db, follow, interval };
        command.SetAction(parse =>
        {
            var seconds = Seconds(parse.GetValue(interval));
            using var store = StoreFactory.Open(parse.GetValue(db));
            using var deliverer = new WebhookDeliverer(store);
            using var cancel = CancelOnCtrlC();
            var (delivered, failed) = (0, 0);
            do
            {
                var (d, f) = deliverer.DeliverDueAsync(cancel.Token).GetAwaiter().GetResult();
                (delivered, failed) = (delivered + d, failed + f);
                if (d + f > 0)
                {
                    Console.Error.WriteLine($"webhooks: {d} delivered, {f} failed");
                }
            }
            while (parse.GetValue(follow) && !cancel.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(seconds)));

            var (pending, _, given) = store.DeliveryCounts();
            Console.Error.WriteLine($"webhooks: {delivered} delivered, {failed} failed tries; {pending} waiting, {given} given up");
            return failed > 0 && !parse.GetValue(follow) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static Option<double> Interval() =>
        new("--interval") { Description = "With --follow: seconds between reads", DefaultValueFactory = _ => 5 };

    private static double Seconds(double value) =>
        value is > 0 and <= 86_400 ? value : throw new UsageException("--interval: seconds must be more than 0 and at most 86400");

    /// <summary>An ISO 8601 date or time as the stored update times are written (UTC).</summary>
    internal static string Since(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? AlertJson.Time(t)
            : throw new UsageException($"--since: '{text}' is not an ISO 8601 date or time (2024-01-25, 2024-01-25T08:00Z)");

    private static FileStream OpenAppend(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--jsonl: cannot write {path}: {ex.Message}");
        }
    }

    private static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }
}
