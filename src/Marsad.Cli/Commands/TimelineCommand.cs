using System.CommandLine;
using System.Text.Json;
using Marsad.Export;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad timeline [--story ID] [--db PATH] [--json]</c>: a dated list of what was reported, with its sources. Until the
/// event layer is in the store, each entry is a document: its date (and where the date came from), outlet and headline.
/// </summary>
public static class TimelineCommand
{
    public static Command Create()
    {
        var story = new Option<string?>("--story") { Description = "Only this story (an id from 'marsad stories', e.g. s3)" };
        var db = DbOption.Create();
        var json = new Option<bool>("--json") { Description = "Write the timeline as JSON on standard output" };
        var command = new Command("timeline", "Print a dated list of what the stored documents report, with their sources") { story, db, json };
        command.SetAction(parse =>
        {
            var corpus = StoredCorpus.Load(parse.GetValue(db) ?? SqliteDocumentStore.DefaultPath());
            var stories = corpus.Result.Stories;
            if (parse.GetValue(story) is { } id)
            {
                stories = stories.Where(s => s.Id == id).ToList();
                if (stories.Count == 0)
                {
                    throw new UsageException($"no story '{id}' (there are {corpus.Result.Stories.Count}: s1..s{corpus.Result.Stories.Count})");
                }
            }

            var byId = corpus.ById;
            var entries = stories
                .SelectMany(s => s.Documents.Select(d => (Story: s.Id, Doc: byId[d])))
                .OrderBy(e => e.Doc.Published ?? DateOnly.MaxValue).ThenBy(e => e.Story, StringComparer.Ordinal).ThenBy(e => e.Doc.Id, StringComparer.Ordinal)
                .ToList();
            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                using var w = new Utf8JsonWriter(stdout, AnalysisJson.WriterOptions with { Indented = true });
                w.WriteStartArray();
                foreach (var (s, d) in entries)
                {
                    w.WriteStartObject();
                    w.WriteString("story", s);
                    Marsad.Corpus.CorpusJson.WriteDate(w, "date", d.Published);
                    w.WriteString("dateFrom", ContractNames.Of(d.PublishedFrom));
                    w.WriteString("doc", d.Id);
                    w.WriteString("outlet", d.Outlet);
                    w.WriteString("title", d.Title);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.Flush();
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                foreach (var (s, d) in entries)
                {
                    var from = d.PublishedFrom == PublishedFrom.Story ? " (from story)" : "";
                    Console.WriteLine($"{StoriesCommand.Iso(d.Published)}{from}\t{s}\t{d.Outlet ?? "?"}\t{d.Title ?? d.Id}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
