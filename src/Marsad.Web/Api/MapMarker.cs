namespace Marsad.Web.Api;

/// <summary>A point of the map: an event at its place, or a geocoded place the documents mention; its quotes link to the sources.</summary>
public sealed record MapMarker(string Kind, string Id, string? EventType, string Label, double Lat, double Lon, string? Date, IReadOnlyList<string> Stories, IReadOnlyList<Quote> Quotes);
