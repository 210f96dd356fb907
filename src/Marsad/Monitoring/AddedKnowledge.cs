using Marsad.Knowledge;
using Marsad.Model;

namespace Marsad.Monitoring;

/// <summary>
/// What one addition to the knowledge base brought, as <see cref="WatchlistMatcher"/> reads it: the documents added
/// (annotated, with their entity mentions), each document's story, the touched stories' merged events and
/// discrepancies (each with its record), the stories' titles, and how a watched story id resolves now (a story merged
/// away stands for its survivor). <see cref="Previous"/> are the touched stories' events as they were stored before.
/// </summary>
public sealed record AddedKnowledge(
    IReadOnlyList<Document> Documents,
    IReadOnlyDictionary<string, string> DocumentStories,
    IReadOnlyList<(CorpusEvent Event, EventRecord Record)> Events,
    IReadOnlyList<(Discrepancy Discrepancy, DiscrepancyRecord Record)> Discrepancies,
    IReadOnlyDictionary<string, string> StoryTitles,
    Func<string, string?> ResolveStory,
    IReadOnlyList<EventRecord> Previous);
