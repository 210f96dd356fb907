namespace Marsad.Web.Api;

/// <summary>A story: its date range, and how many documents, outlets, discrepancies and events it holds.</summary>
public sealed record StorySummary(string Id, string Title, string? First, string? Last, int Documents, int Outlets, int Discrepancies, int Events);
