namespace Marsad.Export;

/// <summary>
/// One event flattened for tables and maps, in ACLED's columns and vocabulary (<see cref="AcledCoding"/>): date and its
/// time precision, event type and sub-type, the first actor and the first target (display names), the country,
/// admin1 and admin2, the place's name, coordinates (null when it has none) and geo precision, the outlets that report
/// it, notes (how many documents and outlets, the contract's type, the triggers as written) and fatalities (the toll
/// the text gives, 0 when it gives none, as ACLED codes an unknown toll).
/// </summary>
public sealed record EventRow(
    string Id,
    string? EventDate,
    string EventType,
    string SubEventType,
    string Actor1,
    string Actor2,
    string Location,
    double? Latitude,
    double? Longitude,
    string Source,
    string Notes,
    int Fatalities,
    int? TimePrecision = null,
    string Country = "",
    string Admin1 = "",
    string Admin2 = "",
    int? GeoPrecision = null);
