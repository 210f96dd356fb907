namespace Marsad.Model;

/// <summary>
/// Readings that contradict each other (the contract's <c>discrepancies[]</c>): kind <c>weekday</c> (a weekday
/// that does not match its calendar date), <c>date</c> (sources give different dates for one event) or
/// <c>quantity</c> (different numbers for one thing); the subject says what they are about, and each claim names its document.
/// </summary>
public sealed record Discrepancy(string Kind, string Subject, IReadOnlyList<DiscrepancyClaim> Claims);
