using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad stories [--db PATH] [--json] [--framing]</c>: the stories of the stored documents, with their dates and documents.</summary>
public static class StoriesCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var json = new Option<bool>("--json") { Description = "Write the stories as JSON (the contract's stories section) on standard output" };
        var framing = new Option<bool>("--framing") { Description = "Also print, per outlet, the terms it uses for the same actor" };
        var command = new Command("stories", "List the stories of the stored documents: id, dates, documents, title") { db, json, framing };
        command.SetAction(parse =>
        {
            var corpus = StoredCorpus.Load(parse.GetValue(db) ?? SqliteDocumentStore.DefaultPath());
            var stories = corpus.Result.Stories;
            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                using var w = new Utf8JsonWriter(stdout, AnalysisJson.WriterOptions with { Indented = true });
                CorpusJson.WriteStories(w, stories);
                w.Flush();
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                foreach (var s in stories.OrderByDescending(s => s.Documents.Count).ThenBy(s => s.Id, StringComparer.Ordinal))
                {
                    Console.WriteLine($"{s.Id}\t{Range(s.First, s.Last)}\t{s.Documents.Count} doc(s)\t{s.Title}");
                    Console.WriteLine("\t" + string.Join(", ", s.Documents));
                }

                Console.WriteLine($"{stories.Count} stories, {corpus.Documents.Count} documents, {corpus.Result.Duplicates.Count} near-duplicate pairs, {corpus.Result.Discrepancies.Count} discrepancies");
            }

            if (parse.GetValue(framing))
            {
                var text = FramingTable.ToText(FramingTable.Default.Build(corpus.Documents));
                (parse.GetValue(json) ? Console.Error : Console.Out).Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Range(DateOnly? first, DateOnly? last) =>
        first is null ? "undated" : first == last ? Iso(first) : Iso(first) + ".." + Iso(last);

    internal static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
