namespace Marsad.Model;

/// <summary>
/// Reported speech (the contract's <c>quotes[]</c>): the span of what was said, the cue that reports it (قال, بحسب…),
/// the speaker's entity ref and the ref of the channel it came through (an agency, an outlet), each null when the text
/// does not name it.
/// </summary>
public sealed record QuoteMention(TextSpan Span, string Cue, string? Speaker, string? Via, TextSpan CueSpan);
