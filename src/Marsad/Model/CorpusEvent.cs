namespace Marsad.Model;

/// <summary>
/// One event of the corpus (the contract's <c>events[]</c>), merged from the mentions of every document that reports it:
/// its id (v1, v2…), type, CAMEO code, date, actors, targets, place, weapons and casualties, the mentions, and how many
/// documents and how many distinct outlets report it.
/// </summary>
public sealed record CorpusEvent(
    string Id,
    string Type,
    string Cameo,
    string? Date,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Targets,
    string? Place,
    IReadOnlyList<string> Weapons,
    int? Killed,
    int? Injured,
    IReadOnlyList<EventReport> Mentions,
    int Documents,
    int Outlets);
