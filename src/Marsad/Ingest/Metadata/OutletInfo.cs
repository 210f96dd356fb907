namespace Marsad.Ingest.Metadata;

/// <summary>A known outlet or agency: its canonical Arabic display name, English name, kind, country and the language it publishes in.</summary>
public sealed record OutletInfo(string Name, string NameEn, OutletKind Kind, string Country, string Language)
{
    public bool PublishesArabic => Language == "ar";
}
