using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>The counts of one <c>analyze</c> run and its closing summary table.</summary>
internal sealed class AnalyzeReport
{
    private readonly Dictionary<string, int> _skipReasons = new(StringComparer.Ordinal);
    private readonly Dictionary<RemovalReason, int> _removed = [];
    private readonly Dictionary<string, int> _languages = new(StringComparer.Ordinal);

    public int DocumentsRead { get; private set; }

    public int Inserted { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int SkippedCount { get; private set; }

    public int Errors { get; private set; }

    public int Renamed { get; set; }

    public bool Failed => SkippedCount > 0 || Errors > 0;

    public void Read(RawArticle article) => DocumentsRead++;

    public void Skipped(ReadError error)
    {
        SkippedCount++;
        // The reader's message may already name the line ("line 4: …"); don't say it twice.
        var where = error.Line is { } line && !error.Message.StartsWith("line ", StringComparison.Ordinal) && !error.Message.StartsWith("record ", StringComparison.Ordinal)
            ? $"{error.Path}:{line}"
            : error.Path;
        Console.Error.WriteLine("marsad: " + DisplayText.Escape($"{where}: {error.Message}"));
        var reason = error.Message;
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            reason = reason[..colon];
        }

        _skipReasons[reason] = _skipReasons.GetValueOrDefault(reason) + 1;
    }

    public void Error(string message)
    {
        Errors++;
        Console.Error.WriteLine("marsad: " + DisplayText.Escape(message));
    }

    /// <summary>A problem that loses nothing (a date left empty, an id changed): one line, the run is not failed by it.</summary>
    public static void Warn(string message) => Console.Error.WriteLine("marsad: warning: " + DisplayText.Escape(message));

    public void Stored(SaveResult result, Document document)
    {
        switch (result)
        {
            case SaveResult.Inserted:
                Inserted++;
                break;
            case SaveResult.Updated:
                Updated++;
                break;
            default:
                Unchanged++;
                break;
        }

        foreach (var removal in document.Removed)
        {
            _removed[removal.Reason] = _removed.GetValueOrDefault(removal.Reason) + 1;
        }

        _languages[document.Language] = _languages.GetValueOrDefault(document.Language) + 1;
    }

    public void Print(IAnsiConsole console, string store)
    {
        var table = new Table().Title("marsad analyze").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("documents read", Num(DocumentsRead));
        table.AddRow("stored: new", Num(Inserted));
        table.AddRow("stored: updated", Num(Updated));
        table.AddRow("unchanged (already stored)", Num(Unchanged));
        foreach (var (lang, count) in _languages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape($"language {lang}" + (lang == "ar" ? "" : " (not analyzed as Arabic)")), Num(count));
        }

        table.AddRow("skipped", Num(SkippedCount));
        foreach (var (reason, count) in _skipReasons.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape("  " + reason), Num(count));
        }

        if (Errors > 0)
        {
            table.AddRow("errors while analyzing", Num(Errors));
        }

        table.AddRow("boilerplate removed", Num(_removed.Values.Sum()));
        foreach (var (reason, count) in _removed.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
        {
            table.AddRow("  " + Export.ContractNames.Of(reason), Num(count));
        }

        console.Write(table);
        console.WriteLine("store: " + store, Style.Plain);
    }

    private static string Num(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
