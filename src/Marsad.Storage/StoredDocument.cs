namespace Marsad.Storage;

/// <summary>
/// A document as the store keeps it: the columns that are queried, plus <see cref="Json"/>, the
/// document's full <c>marsad.analysis/1</c> object, so later layers need no schema change.
/// </summary>
public sealed record StoredDocument
{
    public required string Id { get; init; }

    /// <summary>SHA-256 (hex) of the raw input content; an unchanged input is not stored again.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The engine version that analyzed it; a newer engine re-analyzes an unchanged input.</summary>
    public string AnalyzerVersion { get; init; } = "";

    public required string Text { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    /// <summary>ISO date (yyyy-MM-dd) or null.</summary>
    public string? Published { get; init; }

    public string PublishedFrom { get; init; } = "none";

    public string SourcePath { get; init; } = "";

    public string? Url { get; init; }

    public string Language { get; init; } = "ar";

    public string Encoding { get; init; } = "utf-8";

    /// <summary>The number of lines and fragments the cleaner removed.</summary>
    public int RemovedCount { get; init; }

    /// <summary>The document's object of the analysis contract (UTF-8 JSON text).</summary>
    public required string Json { get; init; }
}
