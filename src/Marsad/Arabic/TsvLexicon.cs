namespace Marsad.Arabic;

/// <summary>
/// Reads the project's TSV data files: UTF-8, lines starting with '#' are the header (source, licence,
/// whether entries are normalized) or comments, blank lines are skipped, fields are tab-separated.
/// </summary>
public static class TsvLexicon
{
    /// <summary>Every data row of the file, split on tabs and trimmed.</summary>
    public static IEnumerable<string[]> ReadRows(string path)
    {
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path, System.Text.Encoding.UTF8))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            yield return fields;
        }
    }

    /// <summary>Reads a data file under data/ by its relative parts.</summary>
    public static IEnumerable<string[]> ReadData(params string[] parts) => ReadRows(DataFiles.Path(parts));
}
