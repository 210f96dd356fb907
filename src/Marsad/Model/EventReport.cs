namespace Marsad.Model;

/// <summary>Where a document reports a merged event: the document id, its outlet (or null), and the mention.</summary>
public sealed record EventReport(string Doc, string? Outlet, EventMention Mention);
