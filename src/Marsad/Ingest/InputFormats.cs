namespace Marsad.Ingest;

/// <summary>
/// Maps file names to input formats. Rules: <c>.txt</c> → text; <c>.html .htm .xhtml</c> → HTML;
/// <c>.json</c> → JSON; <c>.jsonl .ndjson</c> → JSON Lines; <c>.xml .rss .atom</c> → feed;
/// a trailing <c>.gz</c> wraps any of them (gzip) and the name before it decides. Case is ignored.
/// </summary>
public static class InputFormats
{
    /// <summary>The extensions a folder walk picks up (each also with <c>.gz</c> after it).</summary>
    public static IReadOnlyList<string> Extensions { get; } =
        [".txt", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom"];

    /// <summary>The format the file name announces, and whether the file is gzip-compressed.</summary>
    public static InputFormat ForPath(string path, out bool gzip)
    {
        var name = Path.GetFileName(path.AsSpan());
        gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            name = name[..^3];
        }

        var ext = Path.GetExtension(name);
        return ext switch
        {
            _ when ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) => InputFormat.Text,
            _ when ext.Equals(".html", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".xhtml", StringComparison.OrdinalIgnoreCase) => InputFormat.Html,
            _ when ext.Equals(".json", StringComparison.OrdinalIgnoreCase) => InputFormat.Json,
            _ when ext.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".ndjson", StringComparison.OrdinalIgnoreCase) => InputFormat.JsonLines,
            _ when ext.Equals(".xml", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".rss", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".atom", StringComparison.OrdinalIgnoreCase) => InputFormat.Feed,
            _ => InputFormat.Unknown,
        };
    }

    public static bool IsSupported(string path) => ForPath(path, out _) != InputFormat.Unknown;

    /// <summary>The file name without its extension (and without <c>.gz</c>): a single article's id.</summary>
    public static string StemOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return stem.Length > 0 ? stem : name;
    }
}
