namespace Marsad.Web.Api;

/// <summary>An event of the contract with its actors, targets and place resolved to names, and its mentions quoted.</summary>
public sealed record EventView(string Id, string Type, string? Cameo, string? Date, IReadOnlyList<EntityRef> Actors, IReadOnlyList<EntityRef> Targets, PlaceView? Place, IReadOnlyList<string> Weapons, double? Killed, double? Injured, IReadOnlyList<string> Stories, IReadOnlyList<Quote> Mentions);
