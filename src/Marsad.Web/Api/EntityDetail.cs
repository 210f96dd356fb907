namespace Marsad.Web.Api;

/// <summary>
/// An entity with one page of its mentions quoted (the documents that mention it most first; <see cref="MoreMentions"/>
/// is the cursor of the next page) and the first events it takes part in (<see cref="MoreEvents"/> for the rest).
/// </summary>
public sealed record EntityDetail(EntityView Entity, IReadOnlyList<Quote> Mentions, string? MoreMentions, IReadOnlyList<EventView> Events, string? MoreEvents);
