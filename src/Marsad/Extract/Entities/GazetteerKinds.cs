namespace Marsad.Extract.Entities;

/// <summary>What a gazetteer name is known as; a name may be several.</summary>
[Flags]
public enum GazetteerKinds : byte
{
    None = 0,

    /// <summary>A person's name or name part (ANERGazet persons).</summary>
    Person = 1,

    /// <summary>An organization (ANERGazet organizations).</summary>
    Organization = 2,

    /// <summary>A country (Who's On First country records and ANERGazet country lines).</summary>
    Country = 4,

    /// <summary>A region, province or district (Who's On First region and county records).</summary>
    Region = 8,

    /// <summary>A city, town, village or neighbourhood (Who's On First locality and neighbourhood records, ANERGazet cities).</summary>
    Locality = 16,

    /// <summary>A facility: base, airport, building (Who's On First campus records).</summary>
    Facility = 32,

    /// <summary>A natural or non-political location: sea, river, mountain, desert.</summary>
    Location = 64,
}
