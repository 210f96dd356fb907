namespace Marsad.Model;

/// <summary>
/// Readings that contradict each other (the contract's <c>discrepancies[]</c>): kind <c>weekday</c> (a weekday
/// that does not match its calendar date), <c>date</c> or <c>quantity</c>; the subject says what they are about.
/// </summary>
public sealed record Discrepancy(string Kind, string Subject, IReadOnlyList<DiscrepancyClaim> Claims);
