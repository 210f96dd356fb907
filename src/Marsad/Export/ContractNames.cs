using Marsad.Model;

namespace Marsad.Export;

/// <summary>The contract's lower-case vocabulary for the engine's enums.</summary>
public static class ContractNames
{
    public static string Of(PublishedFrom value) => value switch
    {
        PublishedFrom.Metadata => "metadata",
        PublishedFrom.Text => "text",
        PublishedFrom.Story => "story",
        _ => "none",
    };

    public static string Of(RemovalReason value) => value switch
    {
        RemovalReason.Cookie => "cookie",
        RemovalReason.Related => "related",
        RemovalReason.Ad => "ad",
        RemovalReason.Share => "share",
        RemovalReason.Promo => "promo",
        RemovalReason.Comments => "comments",
        RemovalReason.Caption => "caption",
        RemovalReason.Duplicate => "duplicate",
        _ => "other",
    };

    public static string Of(TimeKind value) => value switch
    {
        TimeKind.Time => "TIME",
        TimeKind.Duration => "DURATION",
        TimeKind.Set => "SET",
        _ => "DATE",
    };
}
