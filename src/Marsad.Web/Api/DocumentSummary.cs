namespace Marsad.Web.Api;

/// <summary>A stored document as lists show it: id, headline, outlet, date (and where it came from), story, length.</summary>
public sealed record DocumentSummary(string Id, string? Title, string? Outlet, string? Published, string PublishedFrom, string? Story, string? Url, int Length);
