using Marsad.Arabic;

namespace Marsad.Extract.Events;

/// <summary>
/// The language data of the event layer, loaded once from <c>data/ar/events/</c>: triggers, the words triggers need,
/// modality cues, weapons, state adjectives, casualty words, aggregate quantifiers, clause markers, place
/// prepositions and the verbs a complement with ب gives another sense. Immutable: one instance serves every thread.
/// </summary>
public sealed class EventLexicon
{
    private static readonly Lazy<EventLexicon> DefaultInstance = new(() => Load(System.IO.Path.GetDirectoryName(DataFiles.Path("ar", "events", "triggers.tsv"))!));

    public required WordTable<EventTrigger> Triggers { get; init; }

    public required WordTable<string> CueWords { get; init; }

    public required WordTable<string> Modality { get; init; }

    public required WordTable<WeaponWord> Weapons { get; init; }

    public required WordTable<string> StateAdjectives { get; init; }

    public required WordTable<string> Casualties { get; init; }

    public required WordTable<string> Aggregates { get; init; }

    public required WordTable<string> ClauseMarkers { get; init; }

    public required WordTable<string> PlacePrepositions { get; init; }

    /// <summary>Trigger verbs whose complement with ب gives them another sense ("أقر بـ": admitted).</summary>
    public required WordTable<string> OtherSenses { get; init; }

    public static EventLexicon Default => DefaultInstance.Value;

    public static EventLexicon Load(string folder)
    {
        IEnumerable<string[]> Rows(string file) => TsvLexicon.ReadRows(System.IO.Path.Combine(folder, file));
        WordTable<string> Pairs(string file) => new(Rows(file).Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], r[1])));
        return new EventLexicon
        {
            Triggers = new(Rows("triggers.tsv").Where(r => r.Length >= 5).Select(r =>
                KeyValuePair.Create(r[0], new EventTrigger(r[0], r[1], r[2], r[3], r[4] == "-" ? null : r[4])))),
            CueWords = Pairs("cue-words.tsv"),
            Modality = Pairs("modality.tsv"),
            Weapons = new(Rows("weapons.tsv").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], new WeaponWord(r[1], r.Length > 2 && r[2] == "after-force")))),
            StateAdjectives = Pairs("state-adjectives.tsv"),
            Casualties = Pairs("casualties.tsv"),
            Aggregates = Pairs("aggregates.tsv"),
            ClauseMarkers = Pairs("clause-markers.tsv"),
            PlacePrepositions = Pairs("place-prepositions.tsv"),
            OtherSenses = Pairs("other-senses.tsv"),
        };
    }
}
