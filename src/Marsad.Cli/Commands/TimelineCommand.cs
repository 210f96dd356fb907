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

            var events = KnowledgeReaders.All(reader.Events, query);
            if (limit is { } n)
            {
                events = events.Take(n);
            }

            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                using var w = new Utf8JsonWriter(stdout, AnalysisJson.WriterOptions with { Indented = true });
                w.WriteStartArray();
                foreach (var e in events)
                {
                    w.WriteRawValue(e.Json, skipInputValidation: true);
                    w.Flush();
                }

                w.WriteEndArray();
                w.Flush();
                stdout.WriteByte((byte)'\n');
                return ExitCodes.Success;
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in events)
            {
                var place = e.Place is null ? "?" : Name(reader, names, e.Place);
                Console.WriteLine($"{e.Date ?? "undated"}\t{e.Type}\t{e.Story ?? "-"}\t{place}\t{string.Join(", ", e.Outlets)}\t{e.Id}");
            }

            return ExitCodes.Success;
        });
        return command;
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
