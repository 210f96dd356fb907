using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// A deadline a document gives ("بحلول 10 أكتوبر"): its words and span, its value (a TIMEX3 date), the first and last
/// day it may fall on, the content words (stems) of what it is for and those words as the text gives them.
/// </summary>
public sealed record DeadlineMention(TextSpan Span, string Text, string Value, DateOnly First, DateOnly Last, IReadOnlyList<string> Words, string Topic);
