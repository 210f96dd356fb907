namespace Marsad.Model;

/// <summary>
/// Sources that disagree: <see cref="Kind"/> is the contract's <c>quantity</c>, <c>date</c> or <c>weekday</c>,
/// <see cref="Subject"/> says about what, and each claim names its document.
/// </summary>
public sealed record Discrepancy(string Kind, string Subject, IReadOnlyList<DiscrepancyClaim> Claims);
