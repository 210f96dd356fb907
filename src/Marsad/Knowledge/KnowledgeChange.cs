namespace Marsad.Knowledge;

/// <summary>
/// Everything one addition changes in the knowledge base, applied in one transaction
/// (<see cref="IKnowledgeBase.Apply"/>). Rules for the store:
/// <list type="bullet">
/// <item><see cref="Stories"/> are upserted by id; each story in <see cref="Redirects"/> (old id → surviving id) is
/// removed, its documents, events and discrepancies move to the survivor, and redirects that pointed at it point at the
/// survivor (a chain never forms);</item>
/// <item>for each story in <see cref="Stories"/>, its events, discrepancies and framing are replaced whole by those given
/// here for it (the engine recomputes a touched story from all its documents);</item>
/// <item><see cref="DocumentStories"/> sets each document's story and marks it connected; <see cref="Unstoried"/> marks
/// documents connected that take part in no story (not in Arabic, or without text to compare);</item>
/// <item><see cref="Duplicates"/> are added (a pair already kept is updated); <see cref="Entities"/> upserted by id;
/// each document in <see cref="EntityMentions"/> has its mention counts replaced (every entity it names must be in the
/// catalogue, from this change or an earlier one, else the whole change fails); <see cref="Digests"/> upserted (a
/// document's bands replaced).</item>
/// <item>an event in <see cref="Events"/> replaces the event of the same id wherever it was; <see cref="Duplicates"/> pairs
/// are kept with the ordinal-smaller id as A, whichever order they come in;</item>
/// <item>each of <see cref="Alerts"/> is stored once per (watchlist, subject): a new one is added, a stored one gains the
/// sources it did not have (and is left alone when it has them all); an alert of a watchlist no longer kept is
/// dropped.</item>
/// </list>
/// </summary>
public sealed record KnowledgeChange
{
    public IReadOnlyList<StoryRecord> Stories { get; init; } = [];

    public IReadOnlyDictionary<string, string> Redirects { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> DocumentStories { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Unstoried { get; init; } = [];

    public IReadOnlyList<EventRecord> Events { get; init; } = [];

    public IReadOnlyList<DiscrepancyRecord> Discrepancies { get; init; } = [];

    public IReadOnlyList<FramingRecord> Framing { get; init; } = [];

    public IReadOnlyList<DuplicateRecord> Duplicates { get; init; } = [];

    public IReadOnlyList<EntityRecord> Entities { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<EntityMentionCount>> EntityMentions { get; init; } =
        new Dictionary<string, IReadOnlyList<EntityMentionCount>>();

    public IReadOnlyList<DocumentDigest> Digests { get; init; } = [];

    public IReadOnlyList<Monitoring.AlertRecord> Alerts { get; init; } = [];
}
