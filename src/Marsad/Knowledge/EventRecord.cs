namespace Marsad.Knowledge;

/// <summary>
/// A merged event as the knowledge base keeps it, with the columns readers filter on. <see cref="Date"/> is the
/// contract's date (YYYY-MM-DD, YYYY-MM or YYYY, or null) and <see cref="Day"/> the first day it covers (for date
/// ranges and ordering); <see cref="Actors"/> are the entity ids of its actors and targets; <see cref="Documents"/>
/// the documents that mention it; <see cref="Json"/> its object of the contract's <c>events</c> section and
/// <see cref="RowJson"/> its ACLED-style row (<see cref="Export.EventRow"/> as JSON) for the CSV and GeoJSON exports.
/// </summary>
public sealed record EventRecord(
    string Id,
    string? Story,
    string Type,
    string? Date,
    string? Day,
    string? Country,
    string? Place,
    double? Lat,
    double? Lon,
    int? Killed,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> Outlets,
    string Json,
    string RowJson);
