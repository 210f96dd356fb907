namespace Marsad.Extract.Actors;

/// <summary>How a mention got its ref.</summary>
public enum LinkRule
{
    /// <summary>Resolved to a gazetteer place.</summary>
    Place,

    /// <summary>An alias of a curated actor.</summary>
    Alias,

    /// <summary>A dated title or generic name (رئيس الوزراء العراقي، وزارة الدفاع).</summary>
    Title,

    /// <summary>An alias of a curated actor found inside a longer mention (السيد مقتدى الصدر).</summary>
    ContainedAlias,

    /// <summary>A later, shorter mention of an entity the document named before (a surname).</summary>
    Coreference,

    /// <summary>Not in the tables: a stable id made from the normalized name and type.</summary>
    Unknown,
}
