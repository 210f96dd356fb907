namespace Marsad.Web.Api;

/// <summary>A story: its documents, date range, outlets, and how many discrepancies and events it holds.</summary>
public sealed record StorySummary(string Id, string Title, IReadOnlyList<string> Documents, string? First, string? Last, IReadOnlyList<string> Outlets, int Discrepancies, int Events);
