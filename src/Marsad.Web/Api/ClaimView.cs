namespace Marsad.Web.Api;

/// <summary>What one source claims in a discrepancy, with the span of the claim in its text when known.</summary>
public sealed record ClaimView(string Doc, string? Outlet, string Text, string Value, int? Start, int? End);
