namespace Marsad.Web.Api;

/// <summary>A discrepancy between sources, with the stories it belongs to and the claim of each source.</summary>
public sealed record DiscrepancyView(string Id, string Kind, string Subject, IReadOnlyList<string> Stories, IReadOnlyList<ClaimView> Claims);
