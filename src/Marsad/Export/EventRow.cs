namespace Marsad.Export;

/// <summary>
/// One event flattened for tables and maps, in ACLED's column vocabulary: date, type and sub-type, the first actor
/// and the first target (display names), the place's name and coordinates (null when it has none), the outlets that
/// report it, notes (how many documents and outlets, the triggers as written) and fatalities (0 when none are given).
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
    int Fatalities);
