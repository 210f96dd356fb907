using System.CommandLine;
using System.Text;
using Marsad.Cli.Commands;

namespace Marsad.Cli;

/// <summary>
/// The <c>marsad</c> command. Exit codes: 0 success, 1 when an input or a step failed (the rest still
/// ran), 2 for usage errors.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("marsad: " + error.Message);
            }

            Console.Error.WriteLine("Try 'marsad --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine("marsad: " + Ingest.DisplayText.Escape(ex.Message));
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A clear line, never a stack trace; MARSAD_DEBUG=1 shows the trace for bug reports.
            Console.Error.WriteLine("marsad: " + OneLine(ex.Message));
            DebugTrace(ex);

            return ExitCodes.Failure;
        }
    }

    /// <summary>Every command, in the order the help lists them.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Marsad (مرصد): Arabic news intelligence — read, clean, annotate, connect, store, serve.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(TimelineCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(WatchlistCommand.Create());
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(EvalDatingCommand.Create());
        root.Subcommands.Add(EvalPagesCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(NerCommands.CreateNer());
        root.Subcommands.Add(NerCommands.CreateTrain());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(BenchStoreCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(ReanalyzeCommand.Create());
        root.Subcommands.Add(EnqueueCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        return root;
    }

    /// <summary>The whole exception, for bug reports, when MARSAD_DEBUG=1; users see one line without it.</summary>
    internal static void DebugTrace(Exception ex)
    {
        if (Environment.GetEnvironmentVariable("MARSAD_DEBUG") == "1")
        {
            Console.Error.WriteLine(ex);
        }
    }

    /// <summary>A message for a one-line error: line breaks become spaces, other control characters are escaped.</summary>
    internal static string OneLine(string message) => Ingest.DisplayText.Escape(message.ReplaceLineEndings(" ").Trim());
}
