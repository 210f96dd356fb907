namespace Marsad.Web.Api;

/// <summary>An entity with every mention quoted and the events it takes part in.</summary>
public sealed record EntityDetail(EntityView Entity, IReadOnlyList<Quote> Mentions, IReadOnlyList<EventView> Events);
