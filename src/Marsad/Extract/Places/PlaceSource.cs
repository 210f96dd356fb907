namespace Marsad.Extract.Places;

/// <summary>Which table of the gazetteer a place comes from.</summary>
public enum PlaceSource
{
    /// <summary>countries.tsv: a country or territory, resolved to its centroid.</summary>
    Country,

    /// <summary>cities.tsv: a curated city outside Iraq and Syria.</summary>
    City,

    /// <summary>sites.tsv: a curated base, airport, crossing, compound, town or named region.</summary>
    Site,

    /// <summary>wof_places.tsv: a Who's On First place of Iraq or Syria.</summary>
    WhosOnFirst,
}
