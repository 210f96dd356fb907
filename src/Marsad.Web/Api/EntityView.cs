namespace Marsad.Web.Api;

/// <summary>An entity of the catalogue with how often and in how many documents it is mentioned.</summary>
public sealed record EntityView(string Id, string Type, string Name, string? NameEn, IReadOnlyList<string> Aliases, double? Lat, double? Lon, string? Country, int Mentions, int Documents);
