namespace Marsad.Model;

/// <summary>
/// One event as one document reports it: its type of the contract's taxonomy and CAMEO code, the trigger's span and the
/// clause it governs, its actors and targets (entity refs), its place (a place ref, or null), weapons, the killed and
/// injured when a number gives them, and its date (a TIMEX3 date value, or null) with where the date came from.
/// <see cref="DateSpan"/> is the time expression that gave the date (default when it did not come from the text).
/// <see cref="Anaphoric"/> marks a bare mention ("القصف") with no argument of its own: it names an event the document
/// reports elsewhere and never stands alone. <see cref="KilledSpan"/> and <see cref="InjuredSpan"/> are the words that
/// give the counts (default when there is none). <see cref="DayPart"/> is the part of that day a time expression of the
/// same sentence gives it (TIMEX3 <c>MO</c>, <c>AF</c>, <c>EV</c>, <c>NI</c>: "مساء الأحد"), with its words in <see cref="DayPartSpan"/>.
/// </summary>
public sealed record EventMention(
    TextSpan Trigger,
    TextSpan Clause,
    string Type,
    string Cameo,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Targets,
    string? Place,
    IReadOnlyList<string> Weapons,
    int? Killed,
    int? Injured,
    string? Date,
    EventDateSource DateFrom,
    TextSpan DateSpan,
    bool Anaphoric,
    TextSpan KilledSpan = default,
    TextSpan InjuredSpan = default,
    string? DayPart = null,
    TextSpan DayPartSpan = default);
