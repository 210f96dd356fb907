using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Export;
using Marsad.Storage.Knowledge;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad export [ANALYSIS] [--db PATH|URI] [filters] --csv FILE --geojson FILE</c>: writes events as an ACLED-style
/// CSV for Excel and a GeoJSON FeatureCollection for QGIS: those of an analysis JSON (from <c>marsad analyze --json</c>)
/// when one is named, else those of the store, read page by page and filtered by <c>--from --to --outlet --country
/// --actor --type --limit</c>. At least one output is required; each is written beside its target and moved into
/// place, and one failing leaves the other. Exits 2 on bad input, 1 when an output cannot be written.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var analysis = new Argument<FileInfo?>("ANALYSIS")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "a marsad.analysis/1 JSON to export (from marsad analyze --json); without it, the events of the store",
        };
        var csv = new Option<FileInfo?>("--csv") { Description = "write the events as CSV with ACLED-style columns to this file" };
        var geojson = new Option<FileInfo?>("--geojson") { Description = "write the events as a GeoJSON FeatureCollection to this file" };
        var db = DbOption.Create();
        var filters = new KnowledgeOptions();
        var command = new Command("export", "Export events as CSV (Excel) and GeoJSON (QGIS): from the store, or from an analysis JSON") { analysis, csv, geojson, db };
        foreach (var o in filters.All)
        {
            command.Options.Add(o);
        }

        command.SetAction(result =>
        {
            var (toCsv, toGeoJson) = (result.GetValue(csv), result.GetValue(geojson));
            if (toCsv is null && toGeoJson is null)
            {
                Console.Error.WriteLine("nothing to write: give --csv FILE, --geojson FILE or both");
                return ExitCodes.Usage;
            }

            return result.GetValue(analysis) is { } file
                ? Run(file, toCsv, toGeoJson)
                : FromStore(result.GetValue(db), filters.Query(result), filters.Limit(result), toCsv, toGeoJson);
        });
        return command;
    }

    private static int FromStore(string? db, KnowledgeQuery query, int? limit, FileInfo? csv, FileInfo? geojson)
    {
        var reader = KnowledgeOptions.Open(db);
        using var owned = reader as IDisposable;
        return FromStore(reader, query, limit, csv, geojson);
    }

    /// <summary>The store's events, streamed from the store into each output (each output reads the pages again).</summary>
    internal static int FromStore(IKnowledgeReader reader, KnowledgeQuery query, int? limit, FileInfo? csv, FileInfo? geojson)
    {
        var count = 0;
        IEnumerable<EventRow> Rows()
        {
            count = 0;
            var events = KnowledgeReaders.All(reader.Events, query);
            foreach (var e in limit is { } n ? events.Take(n) : events)
            {
                if (KnowledgeRowJson.Event(e) is { } row)
                {
                    count++;
                    yield return row;
                }
            }
        }

        var failed = false;
        if (csv is not null)
        {
            failed |= !Write(csv, s => CsvExporter.Write(s, Rows()));
        }

        if (geojson is not null)
        {
            failed |= !Write(geojson, s => GeoJsonExporter.Write(s, Rows()));
        }

        Console.Error.WriteLine($"{count} event(s) exported");
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static int Run(FileInfo analysis, FileInfo? csv, FileInfo? geojson)
    {
        if (!analysis.Exists)
        {
            Console.Error.WriteLine($"file not found: {analysis.FullName}");
            return ExitCodes.Usage;
        }

        IReadOnlyList<EventRow> rows;
        try
        {
            using var stream = analysis.OpenRead();
            var root = JsonNode.Parse(stream) ?? throw new InvalidDataException("empty JSON");
            if (root["schema"]?.GetValue<string>() is not "marsad.analysis/1")
            {
                throw new InvalidDataException("not a marsad.analysis/1 document (its 'schema' must be \"marsad.analysis/1\")");
            }

            rows = EventRows.FromAnalysis(root);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{analysis.FullName}: {Program.OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }

        var failed = false;
        if (csv is not null)
        {
            failed |= !Write(csv, s => CsvExporter.Write(s, rows));
        }

        if (geojson is not null)
        {
            failed |= !Write(geojson, s => GeoJsonExporter.Write(s, rows));
        }

        Console.Error.WriteLine($"{rows.Count} event(s) exported");
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static bool Write(FileInfo target, Action<Stream> write)
    {
        var temp = target.FullName + ".tmp";
        try
        {
            if (target.DirectoryName is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            using (var stream = File.Create(temp))
            {
                write(stream);
            }

            File.Move(temp, target.FullName, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot write {target.FullName}: {Program.OneLine(ex.Message)}");
            return false;
        }
    }
}
