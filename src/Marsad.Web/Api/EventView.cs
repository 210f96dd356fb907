namespace Marsad.Web.Api;

/// <summary>
/// An event of the knowledge base with its actors, targets and place resolved to names, its first mentions quoted and
/// how many mentions it has in all.
/// </summary>
public sealed record EventView(string Id, string Type, string? Cameo, string? Date, IReadOnlyList<EntityRef> Actors, IReadOnlyList<EntityRef> Targets, PlaceView? Place, IReadOnlyList<string> Weapons, double? Killed, double? Injured, IReadOnlyList<string> Stories, IReadOnlyList<Quote> Mentions, int MentionCount);
