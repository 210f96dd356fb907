namespace Marsad.Extract.Actors;

/// <summary>
/// One entry of the analysis's top-level <c>entities</c> array: id (the ref), type, Arabic display name, English
/// name, the surface forms seen, and for places their coordinates and country. <see cref="Kind"/> says what the
/// entity is (person, ministry, air_base, region…) when the tables know it.
/// </summary>
public sealed record CatalogEntity(
    string Id,
    string Type,
    string Name,
    string? NameEn,
    IReadOnlyList<string> Aliases,
    double? Lat,
    double? Lon,
    string? Country,
    string? Kind);
