namespace Marsad.Model;

/// <summary>
/// A time expression of the text with its TIMEX3 value (<c>2024-01-25</c>, <c>2024-01-25TMO</c>, <c>P3M</c>,
/// <c>PAST_REF</c>…) resolved against the publication date, or null when it cannot be resolved, and its
/// TIMEX3 mod (START, MID, END, APPROX, LESS_THAN, MORE_THAN…) when one applies.
/// </summary>
public sealed record TimeMention(TextSpan Span, TimeKind Kind, string? Value, string? Mod);
