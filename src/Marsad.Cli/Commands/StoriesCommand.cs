using System.CommandLine;
using System.Text.Json;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Storage.Knowledge;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad stories [--db PATH|URI] [--json] [--framing] [--from D] [--to D] [--outlet O] [--limit N]</c>: the stories of
/// the knowledge base, most recent first, with their dates and documents, read page by page from the store.
/// </summary>
public static class StoriesCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var json = new Option<bool>("--json") { Description = "Write the stories as JSON (the contract's story objects) on standard output" };
        var framing = new Option<bool>("--framing") { Description = "Also print, per story and outlet, the terms it uses for the same actor" };
        var filters = new KnowledgeOptions();
        var command = new Command("stories", "List the stories of the store, most recent first: id, dates, documents, title") { db, json, framing };
        foreach (var o in filters.All)
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var query = filters.Query(parse);
            var limit = filters.Limit(parse);
            var reader = KnowledgeOptions.Open(parse.GetValue(db));
            using var owned = reader as IDisposable;
            using var stdout = Console.OpenStandardOutput();
            Write(reader, query, limit, parse.GetValue(json), parse.GetValue(framing), stdout, Console.Error);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes the stories <paramref name="query"/> selects (at most <paramref name="limit"/>) to <paramref name="output"/>,
    /// a page at a time: as text lines, or as a JSON array of contract story objects (framing tables then go to
    /// <paramref name="notes"/>).
    /// </summary>
    internal static void Write(IKnowledgeReader reader, KnowledgeQuery query, int? limit, bool json, bool framing, Stream output, TextWriter notes)
    {
        var stories = KnowledgeReaders.All(reader.Stories, query);
        if (limit is { } n)
        {
            stories = stories.Take(n);
        }

        using var text = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using var w = json ? new Utf8JsonWriter(output, AnalysisJson.WriterOptions with { Indented = true }) : null;
        w?.WriteStartArray();
        var count = 0;
        foreach (var s in stories)
        {
            count++;
            if (w is not null)
            {
                w.WriteRawValue(s.Json, skipInputValidation: true);
                w.Flush();
            }
            else
            {
                text.WriteLine($"{s.Id}\t{Range(s.First, s.Last)}\t{s.Documents} doc(s), {s.Outlets} outlet(s)\t{s.Title}");
                text.WriteLine("\t" + string.Join(", ", Documents(s.Json)));
            }

            if (framing && KnowledgeRowJson.Framing(reader.Framing(s.Id)) is { Count: > 0 } rows)
            {
                (json ? notes : text).Write($"framing of {s.Id}:\n" + FramingTable.ToText(rows));
            }
        }

        if (w is not null)
        {
            w.WriteEndArray();
            w.Flush();
            output.WriteByte((byte)'\n');
        }
        else
        {
            var stats = reader.Stats();
            text.WriteLine($"{count} of {stats.Stories} stories; the store holds {stats.Documents} documents, {stats.Duplicates} near-duplicate pairs, {stats.Discrepancies} discrepancies");
        }
    }

    internal static string Range(string? first, string? last) =>
        first is null ? "undated" : first == last || last is null ? first : first + ".." + last;

    private static IEnumerable<string> Documents(string storyJson)
    {
        using var doc = JsonDocument.Parse(storyJson);
        return doc.RootElement.TryGetProperty("documents", out var d) && d.ValueKind == JsonValueKind.Array
            ? [.. d.EnumerateArray().Select(x => x.GetString() ?? "")]
            : [];
    }
}
