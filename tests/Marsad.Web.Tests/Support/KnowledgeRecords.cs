using System.Text.Json;
using Marsad.Export;
using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests.Support;

/// <summary>A stored document as the test double keeps it: its list row and its contract JSON.</summary>
public sealed record StoredKnowledgeDocument(DocumentRow Row, string Json);

/// <summary>
/// The records a knowledge base holds, built from a <c>marsad.analysis/1</c> object as the engine's run would store
/// them: a document's story from the stories' members, an event's story, documents, outlets, country and coordinates
/// from its mentions and place, its ACLED row from <see cref="EventRows"/>, mention counts from the documents' entities.
/// </summary>
public sealed record KnowledgeRecords
{
    public IReadOnlyList<StoredKnowledgeDocument> Documents { get; init; } = [];

    public IReadOnlyList<StoryRecord> Stories { get; init; } = [];

    public IReadOnlyList<EventRecord> Events { get; init; } = [];

    public IReadOnlyList<EntityRecord> Entities { get; init; } = [];

    public IReadOnlyList<EntityMentionCount> Mentions { get; init; } = [];

    public IReadOnlyList<DiscrepancyRecord> Discrepancies { get; init; } = [];

    public IReadOnlyList<DuplicateRecord> Duplicates { get; init; } = [];

    public IReadOnlyList<FramingRecord> Framing { get; init; } = [];

    public IReadOnlyDictionary<string, string> Redirects { get; init; } = new Dictionary<string, string>();
}
