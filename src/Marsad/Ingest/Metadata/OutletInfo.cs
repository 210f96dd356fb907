namespace Marsad.Ingest.Metadata;

/// <summary>A known outlet or agency: its canonical Arabic display name, English name, kind and country.</summary>
public sealed record OutletInfo(string Name, string NameEn, OutletKind Kind, string Country);
