using Marsad.Model;

namespace Marsad.Knowledge;

/// <summary>
/// What the engine's whole run (KnowledgeRun) needs from a store to connect new documents to what is
/// already known. Every lookup is indexed: its cost follows the size of the answer (the stories of a date window, the
/// documents of one story), never the size of the store.
/// </summary>
public interface IKnowledgeBase
{
    /// <summary>The dated stories that overlap [<paramref name="from"/>, <paramref name="to"/>]: last ≥ from and first ≤ to (in id order).</summary>
    IReadOnlyList<StoryRecord> StoriesBetween(DateOnly from, DateOnly to);

    /// <summary>
    /// The <paramref name="limit"/> most recently updated stories with no date (undated documents can only join those).
    /// </summary>
    IReadOnlyList<StoryRecord> UndatedStories(int limit);

    /// <summary>
    /// The latest last day of a stored story, or null (none dated): the stream's "now" for an undated document that a
    /// fresh process connects (it may join the stories of the stream's last days).
    /// </summary>
    DateOnly? NewestStoryDay() => null;

    /// <summary>The story with exactly this id (redirects are not followed), or null.</summary>
    StoryRecord? Story(string id);

    /// <summary>The id a story id stands for now: itself, or the story it was merged into; null when unknown.</summary>
    string? ResolveStory(string id);

    /// <summary>The ids of the story's documents (in ordinal order).</summary>
    IReadOnlyList<string> StoryDocuments(string story);

    /// <summary>The merged events kept for the story, in id order (to keep their ids when the story is recomputed).</summary>
    IReadOnlyList<EventRecord> StoryEvents(string story);

    /// <summary>
    /// Stored documents rebuilt for annotation from their cleaned text and metadata (not annotated: the engine does
    /// that); a date a story gave is not taken as the document's own. Unknown ids are skipped.
    /// </summary>
    IEnumerable<Document> Documents(IReadOnlyCollection<string> ids);

    /// <summary>Stored documents that share at least one LSH band key with <paramref name="bands"/>, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<DuplicateCandidate> DuplicateCandidates(IReadOnlyCollection<long> bands, int limit);

    /// <summary>
    /// Ids of stored documents not yet connected (stored, then the run was stopped; replaced by a new input or engine
    /// version; or carried over from a store of schema 1), oldest analysis first.
    /// </summary>
    IReadOnlyList<string> Unconnected(int limit);

    /// <summary>The watchlists kept (each addition is matched against them), in id order.</summary>
    IReadOnlyList<Monitoring.Watchlist> Watchlists();

    /// <summary>Applies one addition's changes in one transaction.</summary>
    void Apply(KnowledgeChange change);

    /// <summary>
    /// Holds the store's connect lock until disposed: one connect (read the candidate stories, recompute, store, apply)
    /// at a time, across every process that writes the store (analyze, workers, watch), so that two runs never
    /// recompute the same story from the same stored state and one overwrites the other. Annotation needs no lock.
    /// A knowledge base only one run writes needs none (the default).
    /// </summary>
    IDisposable Connecting() => ConnectLock.None;
}
