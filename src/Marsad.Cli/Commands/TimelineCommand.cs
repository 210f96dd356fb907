using System.CommandLine;
using System.Text.Json;
using Marsad.Export;
using Marsad.Storage.Knowledge;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad timeline [--story ID] [--db PATH|URI] [--json] [--from D] [--to D] [--outlet O] [--country C] [--actor A]
/// [--type T] [--limit N]</c>: the events of the knowledge base, newest first, with their place and sources, read page
/// by page from the store.
/// </summary>
public static class TimelineCommand
{
    public static Command Create()
    {
        var story = new Option<string?>("--story") { Description = "Only this story (an id from 'marsad stories')" };
        var db = DbOption.Create();
        var json = new Option<bool>("--json") { Description = "Write the events as JSON (the contract's event objects) on standard output" };
        var filters = new KnowledgeOptions();
        var command = new Command("timeline", "Print the events of the store, newest first, with their place and sources") { story, db, json };
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
            if (parse.GetValue(story) is { } id)
            {
                query = query with { Story = (reader.Story(id) ?? throw new UsageException($"no story '{id}' (see 'marsad stories')")).Id };
            }

            using var stdout = Console.OpenStandardOutput();
            Write(reader, query, limit, parse.GetValue(json), stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes the events <paramref name="query"/> selects (at most <paramref name="limit"/>), newest first, a page at a
    /// time: as text lines (date, type, story, place, outlets, id), or as a JSON array of contract event objects.
    /// </summary>
    internal static void Write(IKnowledgeReader reader, KnowledgeQuery query, int? limit, bool json, Stream output)
    {
        var events = KnowledgeReaders.All(reader.Events, query);
        if (limit is { } n)
        {
            events = events.Take(n);
        }

        if (json)
        {
            using var w = new Utf8JsonWriter(output, AnalysisJson.WriterOptions with { Indented = true });
            w.WriteStartArray();
            foreach (var e in events)
            {
                w.WriteRawValue(e.Json, skipInputValidation: true);
                w.Flush();
            }

            w.WriteEndArray();
            w.Flush();
            output.WriteByte((byte)'\n');
            return;
        }

        using var text = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var place = e.Place is null ? "?" : Name(reader, names, e.Place);
            text.WriteLine($"{e.Date ?? "undated"}\t{e.Type}\t{e.Story ?? "-"}\t{place}\t{string.Join(", ", e.Outlets)}\t{e.Id}");
        }
    }

    private static string Name(IKnowledgeReader reader, Dictionary<string, string> names, string id)
    {
        if (!names.TryGetValue(id, out var name))
        {
            names[id] = name = reader.Entity(id)?.Entity.Name ?? id;
        }

        return name;
    }
}
