namespace Marsad.Knowledge;

/// <summary>
/// A story as the knowledge base keeps it. <see cref="Id"/> never changes once given; <see cref="First"/> and
/// <see cref="Last"/> are ISO dates (null when no member is dated) and are what candidate lookup is indexed on;
/// <see cref="State"/> is the clusterer's state (centroid terms, dates), owned by the engine and opaque to the store;
/// <see cref="Json"/> is the story's object of the analysis contract (id, title, documents, first, last).
/// </summary>
public sealed record StoryRecord(
    string Id,
    string Title,
    string? First,
    string? Last,
    int Documents,
    int Outlets,
    int Events,
    int Discrepancies,
    string State,
    string Json);
