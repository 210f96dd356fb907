namespace Marsad.Web.Api;

/// <summary>An entity id with its display name.</summary>
public sealed record EntityRef(string Id, string Name);
