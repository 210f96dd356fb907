using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Export;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Storage.Knowledge;
using Marsad.Storage.Search;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad search QUERY... [--from DATE] [--to DATE] [--outlet O]... [--entity E]... [--type T]... [--limit N] [--json]</c>:
/// ranked results from the store's search index, with highlighted snippets; <c>--json</c> for machines. The index first
/// catches up with documents stored since it was last written (by workers, say), so no `marsad reindex` is needed.
/// </summary>
public static class SearchCommand
{
    /// <summary>The event types of the contract (events[].type).</summary>
    public static readonly string[] EventTypes = ["attack", "airstrike", "talks", "threat", "demand", "decision", "message", "statement"];

    public static Command Create()
    {
        var query = new Argument<string[]>("QUERY")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Words to find (any inflection or clitic form matches); \"quoted words\" must appear together",
        };
        var from = new Option<string?>("--from") { Description = "Published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)" };
        var to = new Option<string?>("--to") { Description = "Published on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)" };
        var outlet = new Option<string[]>("--outlet") { Description = "Only this outlet (repeat for any of several)" };
        var entity = new Option<string[]>("--entity") { Description = "Only documents that mention this entity (repeat: all of them)" };
        var type = new Option<string[]>("--type") { Description = "Only documents with an event of this type: " + string.Join(", ", EventTypes) };
        var limit = new Option<int>("--limit", "-n") { Description = "Number of results", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Write the results as JSON on standard output" };
        var db = DbOption.Create();
        var index = new Option<string?>("--index") { Description = "The search index folder (default: beside the SQLite file, e.g. marsad.db.index)" };

        var command = new Command("search", "Search the analyzed documents: ranked results with highlighted snippets")
        {
            query, from, to, outlet, entity, type, limit, json, db, index,
        };
        command.SetAction(parse =>
        {
            var types = parse.GetValue(type) ?? [];
            foreach (var t in types)
            {
                if (!EventTypes.Contains(t.Trim().ToLowerInvariant()))
                {
                    throw new UsageException($"unknown event type '{t}' (types: {string.Join(", ", EventTypes)})");
                }
            }

            var n = parse.GetValue(limit);
            if (n < 1)
            {
                throw new UsageException("--limit must be ≥ 1");
            }

            var q = new SearchQuery
            {
                Text = string.Join(' ', parse.GetValue(query) ?? []),
                From = ParseDate(parse.GetValue(from), "--from", first: true),
                To = ParseDate(parse.GetValue(to), "--to", first: false),
                Outlets = parse.GetValue(outlet) ?? [],
                Entities = parse.GetValue(entity) ?? [],
                Limit = n,
            };
            if (string.IsNullOrWhiteSpace(q.Text) && q.From is null && q.To is null && q.Outlets.Count == 0 && q.Entities.Count == 0 && types.Length == 0)
            {
                throw new UsageException("give words to search for, or at least one filter (--from, --to, --outlet, --entity, --type)");
            }

            if (q.From is { } f && q.To is { } t2 && f > t2)
            {
                throw new UsageException($"--from {f:yyyy-MM-dd} is after --to {t2:yyyy-MM-dd}");
            }

            if (types.Length > 0)
            {
                // Event types are the knowledge base's: the documents that mention an event of one of them, in the date window.
                var reader = KnowledgeOptions.Open(parse.GetValue(db));
                using (reader as IDisposable)
                {
                    q = OfEventTypes(q, types, reader);
                }
            }

            var path = parse.GetValue(index) ?? StoreFactory.DefaultIndexPath(parse.GetValue(db));
            // An index named without its store may belong to any store: it is searched as it is.
            int? stored = null;
            if (parse.GetValue(db) is not null || parse.GetValue(index) is null)
            {
                stored = CatchUp(parse.GetValue(db), path);
            }

            using var service = OpenIndex(path);
            if (stored is { } total && service.Count < total)
            {
                Console.Error.WriteLine($"marsad: warning: the search index holds {service.Count} of the store's {total} documents; results may be missing (run 'marsad reindex')");
            }

            SearchResults results;
            try
            {
                results = q.Documents is { Count: 0 } ? new SearchResults(0, [], TimeSpan.Zero) : service.Search(q);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }

            if (parse.GetValue(json))
            {
                WriteJson(q, types, results);
            }
            else
            {
                Print(results);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <paramref name="q"/> narrowed to the documents that mention an event of one of <paramref name="types"/> in its
    /// date window, as the knowledge base's events say.
    /// </summary>
    internal static SearchQuery OfEventTypes(SearchQuery q, IReadOnlyList<string> types, IKnowledgeReader reader)
    {
        var window = new KnowledgeQuery { From = q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To = q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return q with { Documents = KnowledgeReaders.EventDocuments(reader, types, window) };
    }

    /// <summary>A date, month or year; a month or year means its first day for --from and its last for --to.</summary>
    internal static DateOnly? ParseDate(string? value, string option, bool first)
    {
        try
        {
            return QueryDates.Parse(value, first);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{option} {ex.Message}");
        }
    }

    /// <summary>
    /// Brings the index in line with the store when the store changed since the index last caught up (workers and other
    /// machines write the store, not this index): only the documents written since are read
    /// (<see cref="DocumentIndex.CatchUp"/>). Returns how many documents the store holds. The index is left as it
    /// is, with a warning, when another process writes it or the store cannot be read; a SQLite store that does not exist
    /// is not created (null: nothing to compare with).
    /// </summary>
    private static int? CatchUp(string? dbArg, string path)
    {
        var db = string.IsNullOrWhiteSpace(dbArg) ? SqliteDocumentStore.DefaultPath() : dbArg;
        if (!StoreFactory.IsPostgres(db) && !File.Exists(db))
        {
            return null;
        }

        IDocumentStore store;
        try
        {
            store = StoreFactory.Open(dbArg);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"marsad: warning: the store {StoreFactory.Redact(db)} cannot be read ({Program.OneLine(ex.Message)}); searching the index as it is");
            return null;
        }

        using (store)
        {
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using var index = DocumentIndex.Open(path);
                index.Skipped = IndexWarnings.Skipped;
                var changed = index.CatchUp(store);
                if (changed > 0)
                {
                    Console.Error.WriteLine($"marsad: search index caught up with the store: {changed} document(s) in {clock.Elapsed.TotalSeconds:0.0} s");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                Console.Error.WriteLine($"marsad: warning: search index not brought up to date ({Program.OneLine(ex.Message)}); the newest documents may be missing");
            }

            return store.Count();
        }
    }

    private static SearchService OpenIndex(string path)
    {
        try
        {
            return SearchService.Open(path);
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static void Print(SearchResults results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (results.Hits.Count == 0)
        {
            console.MarkupLine("[grey]no results[/]");
            return;
        }

        var rank = 0;
        foreach (var hit in results.Hits)
        {
            rank++;
            var title = hit.Title.Text.Length > 0 ? Marked(hit.Title) : Markup.Escape(hit.Id);
            var meta = string.Join(" · ", new[] { hit.Outlet, hit.Published, hit.Id }.Where(s => !string.IsNullOrEmpty(s)).Select(s => Markup.Escape(s!)));
            console.MarkupLine($"[bold]{rank,2}.[/] [bold]{title}[/]");
            console.MarkupLine($"    [grey]{meta} · {hit.Score.ToString("0.00", CultureInfo.InvariantCulture)}[/]");
            if (hit.Snippet.Text.Length > 0)
            {
                console.MarkupLine("    " + Marked(hit.Snippet));
            }

            console.WriteLine();
        }

        console.MarkupLine($"[grey]{results.Hits.Count} of {results.TotalHits} results in {results.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms[/]");
    }

    private static string Marked(Snippet snippet)
    {
        var sb = new System.Text.StringBuilder();
        var at = 0;
        foreach (var h in snippet.Highlights)
        {
            sb.Append(Markup.Escape(snippet.Text[at..h.Start].ReplaceLineEndings(" ")));
            sb.Append("[bold yellow]").Append(Markup.Escape(h.Of(snippet.Text))).Append("[/]");
            at = h.End;
        }

        sb.Append(Markup.Escape(snippet.Text[at..].ReplaceLineEndings(" ")));
        return sb.ToString();
    }

    private static void WriteJson(SearchQuery q, IReadOnlyList<string> types, SearchResults results)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, AnalysisJson.WriterOptions with { Indented = true });
        w.WriteStartObject();
        w.WriteString("query", q.Text);
        w.WriteStartObject("filters");
        WriteDate(w, "from", q.From);
        WriteDate(w, "to", q.To);
        WriteStrings(w, "outlets", q.Outlets);
        WriteStrings(w, "entities", q.Entities);
        WriteStrings(w, "types", types);
        w.WriteEndObject();
        w.WriteNumber("total", results.TotalHits);
        w.WriteNumber("tookMs", Math.Round(results.Elapsed.TotalMilliseconds, 2));
        w.WriteStartArray("hits");
        foreach (var hit in results.Hits)
        {
            w.WriteStartObject();
            w.WriteString("id", hit.Id);
            w.WriteNumber("score", Math.Round(hit.Score, 4));
            WriteNullable(w, "title", hit.Title.Text.Length > 0 ? hit.Title.Text : null);
            WriteNullable(w, "outlet", hit.Outlet);
            WriteNullable(w, "published", hit.Published);
            WriteSpans(w, "titleHighlights", hit.Title.Highlights);
            w.WriteString("snippet", hit.Snippet.Text);
            WriteSpans(w, "highlights", hit.Snippet.Highlights);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stdout.WriteByte((byte)'\n');
    }

    private static void WriteSpans(Utf8JsonWriter w, string name, IReadOnlyList<TextSpan> spans)
    {
        w.WriteStartArray(name);
        foreach (var s in spans)
        {
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date) =>
        WriteNullable(w, name, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
