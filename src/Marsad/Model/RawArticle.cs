namespace Marsad.Model;

/// <summary>
/// One article as a reader found it: decoded content (plain text or HTML) plus whatever metadata
/// the container gave (a JSON field, an RSS element). Nothing is cleaned yet.
/// </summary>
public sealed record RawArticle
{
    public required string Id { get; init; }

    /// <summary>The file the article came from (a container such as a JSONL file may hold many).</summary>
    public required string SourcePath { get; init; }

    public required SourceKind Kind { get; init; }

    public required string Content { get; init; }

    /// <summary>
    /// True when the input gave no id and <see cref="Id"/> was made from the file name: such an id names the article
    /// only together with its file, so two folders' <c>x.txt</c> must not share it.
    /// </summary>
    public bool IdFromFileName { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    /// <summary>A publication date given by the container (JSON field, RSS pubDate), already parsed.</summary>
    public DateOnly? Published { get; init; }

    public string? Url { get; init; }

    /// <summary>The encoding the bytes were decoded with (e.g. "utf-8", "windows-1256").</summary>
    public string Encoding { get; init; } = "utf-8";
}
