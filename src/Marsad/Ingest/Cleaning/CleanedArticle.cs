using System.Security.Cryptography;
using System.Text;
using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>An article after cleaning: the body a reader would keep, what was taken out and why, and its metadata.</summary>
public sealed record CleanedArticle
{
    public required RawArticle Raw { get; init; }

    /// <summary>The kept lines, verbatim (trimmed), joined with '\n'.</summary>
    public required string Text { get; init; }

    /// <summary>Every removed line or inline fragment in page order (the headline moved to <see cref="Title"/> is not listed).</summary>
    public required IReadOnlyList<Removal> Removed { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? Published { get; init; }

    public PublishedFrom PublishedFrom { get; init; }

    /// <summary>Non-empty lines of the input.</summary>
    public int LinesIn { get; init; }

    /// <summary>Lines kept in <see cref="Text"/>.</summary>
    public int LinesKept { get; init; }

    /// <summary>Characters of the non-empty input lines (trimmed).</summary>
    public int CharsIn { get; init; }

    public int CharsKept => Text.Length - Math.Max(0, LinesKept - 1);

    /// <summary>The engine's document for this article, ready for the annotators.</summary>
    public Document ToDocument() => new(Raw.Id, Text)
    {
        Title = Title,
        Outlet = Outlet,
        Published = Published,
        PublishedFrom = PublishedFrom,
        Url = Raw.Url,
        SourcePath = Raw.SourcePath,
        Encoding = Raw.Encoding,
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Raw.Content))),
        Removed = Removed,
    };
}
