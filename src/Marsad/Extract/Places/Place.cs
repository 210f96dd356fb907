namespace Marsad.Extract.Places;

/// <summary>
/// A place of the gazetteer. <see cref="Id"/> is stable across runs: <c>cc-iq</c> (country), <c>city-tehran</c>,
/// <c>site-ain-al-asad</c>, <c>wof-85672483</c>. <see cref="Type"/> is the entity type a mention of it carries
/// (GPE, LOC or FAC); <see cref="Kind"/> says what it is (country, region, county, locality, air_base, airport…).
/// </summary>
public sealed record Place(
    string Id,
    string Type,
    string Kind,
    string Name,
    string NameEn,
    double Lat,
    double Lon,
    string Country,
    string? RegionId,
    string? CountyId,
    long Population,
    PlaceSource Source,
    string Reference,
    IReadOnlyList<string> Aliases)
{
    public bool IsCountry => Source == PlaceSource.Country;
}
