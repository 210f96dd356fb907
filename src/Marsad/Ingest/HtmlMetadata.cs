namespace Marsad.Ingest;

/// <summary>What a page says about itself: headline, outlet, publication date and canonical address.</summary>
public sealed record HtmlMetadata(string? Title, string? Outlet, DateOnly? Published, string? Url)
{
    /// <summary>A date value the page gave that could not be read, kept for a warning.</summary>
    public string? UnreadDate { get; init; }

    public static HtmlMetadata Empty { get; } = new(null, null, null, null);
}
