namespace Marsad.Extract.Times;

/// <summary>Options of the time layer.</summary>
public sealed record TimeOptions
{
    /// <summary>Infer a missing publication date from the text (and set it on the document).</summary>
    public bool InferPublished { get; init; } = true;

    /// <summary>How many non-empty lines from the top may hold a dateline (a line that is only a date).</summary>
    public int DatelineLines { get; init; } = 6;

    /// <summary>How far (in days) from a date of the text the publication date may be sought.</summary>
    public int SearchDays { get; init; } = 7;
}
