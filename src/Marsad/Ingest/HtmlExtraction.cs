namespace Marsad.Ingest;

/// <summary>
/// The text of an HTML page as plain lines ('\n' separated, headline first when found) and its metadata.
/// <see cref="Extractor"/> names the method that produced the text: "readability", "blocks" (the
/// link-density fallback) or "markup" (the DOM-free scanner for pathological pages).
/// </summary>
public sealed record HtmlExtraction(string Text, HtmlMetadata Metadata, string Extractor)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
