namespace Marsad.Ingest;

/// <summary>
/// A problem with one input: the file, the one-line message, and the line (or record) inside the file
/// when the problem concerns one record of a container (a JSONL line, a feed item).
/// </summary>
public sealed record ReadError(string Path, string Message, int? Line = null)
{
    /// <summary><c>path:line: message</c>, or <c>path: message</c>: the form a user sees, control characters escaped.</summary>
    public override string ToString() => DisplayText.Escape(Line is { } line ? $"{Path}:{line}: {Message}" : $"{Path}: {Message}");
}
