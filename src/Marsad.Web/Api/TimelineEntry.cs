namespace Marsad.Web.Api;

/// <summary>A dated line of the timeline: an event (its type, place and quoted sentence) or the publication of a document.</summary>
public sealed record TimelineEntry(string? Date, string Kind, string? Story, string? Doc, string? Outlet, string Label, string? Event, string? EventType, string? Quote);
