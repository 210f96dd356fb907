using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Export;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad export ANALYSIS --csv FILE --geojson FILE</c>: writes the events of an analysis JSON (from
/// <c>marsad analyze --json</c>) as an ACLED-style CSV for Excel and a GeoJSON FeatureCollection for QGIS. At least one
/// output is required; each is written beside its target and moved into place, and one failing leaves the other.
/// Exits 2 on bad input, 1 when an output cannot be written.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var analysis = new Argument<FileInfo>("ANALYSIS") { Description = "the marsad.analysis/1 JSON to export (from marsad analyze --json)" };
        var csv = new Option<FileInfo?>("--csv") { Description = "write the events as CSV with ACLED-style columns to this file" };
        var geojson = new Option<FileInfo?>("--geojson") { Description = "write the events as a GeoJSON FeatureCollection to this file" };
        var command = new Command("export", "Export the events of an analysis as CSV (Excel) and GeoJSON (QGIS)") { analysis, csv, geojson };
        command.SetAction(result => Run(result.GetValue(analysis)!, result.GetValue(csv), result.GetValue(geojson)));
        return command;
    }

    private static int Run(FileInfo analysis, FileInfo? csv, FileInfo? geojson)
    {
        if (csv is null && geojson is null)
        {
            Console.Error.WriteLine("nothing to write: give --csv FILE, --geojson FILE or both");
            return ExitCodes.Usage;
        }

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
