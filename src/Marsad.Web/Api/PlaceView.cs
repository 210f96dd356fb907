namespace Marsad.Web.Api;

/// <summary>A place entity with its coordinates when geocoded.</summary>
public sealed record PlaceView(string Id, string Name, double? Lat, double? Lon);
