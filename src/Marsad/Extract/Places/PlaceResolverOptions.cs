namespace Marsad.Extract.Places;

/// <summary>
/// Settings of <see cref="PlaceResolver"/>. <see cref="HomeCountries"/>: the countries the news of the field is
/// about; among places of one name, one in a home country gets a small prior (earlier first: larger prior).
/// </summary>
public sealed record PlaceResolverOptions
{
    public IReadOnlyList<string> HomeCountries { get; init; } = ["IQ", "SY"];
}
