namespace Marsad.Storage.Knowledge;

/// <summary>
/// The filters every paged reader takes; each is optional and narrows the answer. Dates are ISO days (inclusive);
/// <see cref="Cursor"/> is the opaque <see cref="Page{T}.Next"/> of the previous page; <see cref="Limit"/> is clamped to
/// [1, <see cref="MaxLimit"/>]. What a filter means per kind: a story's dates are its first..last, an event's its day,
/// a document's its publication; <see cref="Outlet"/> is a document's outlet, or an outlet that reports the event or story;
/// <see cref="Country"/> an event's country (ISO2); <see cref="Actor"/> an entity id among an event's actors and targets;
/// <see cref="Type"/> an event type or an entity type; <see cref="Document"/> a document id that mentions the event.
/// </summary>
public sealed record KnowledgeQuery
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 1000;

    public string? Story { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Outlet { get; init; }

    public string? Country { get; init; }

    public string? Actor { get; init; }

    public string? Type { get; init; }

    public string? Document { get; init; }

    public string? Cursor { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public int ClampedLimit => Math.Clamp(Limit, 1, MaxLimit);
}

/// <summary>One page of an ordered answer; <see cref="Next"/> is the cursor of the next page, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
