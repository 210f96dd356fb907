using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// A time expression found by <see cref="TimeExtractor"/>: its span in the original text, its kind and the
/// parts it names, still unresolved (a weekday or "العام الماضي" needs a reference date, which
/// <see cref="TimeResolver"/> supplies).
/// </summary>
public sealed record TimeExpression(TextSpan Span, TimeKind Kind, string Rule)
{
    public int? Day { get; init; }

    public int? Month { get; init; }

    public int? Year { get; init; }

    /// <summary>Day, month and year are Hijri (Umm al-Qura) numbers, not Gregorian ones.</summary>
    public bool Hijri { get; init; }

    public DayOfWeek? Weekday { get; init; }

    /// <summary>Days from the publication date named by a deictic: 0 for اليوم, -1 for أمس, 1 for غدا.</summary>
    public int? DayOffset { get; init; }

    public TimeRelation Relation { get; init; }

    /// <summary>The unit of a duration, of a relative period ("الشهر المقبل") or of a recurrence.</summary>
    public TimeUnit? Unit { get; init; }

    /// <summary>How many units a duration counts; null with <see cref="VagueQuantity"/> for "عدة أشهر".</summary>
    public decimal? Quantity { get; init; }

    public bool VagueQuantity { get; init; }

    /// <summary>TIMEX3 part of day: MO, AF, EV or NI.</summary>
    public string? PartOfDay { get; init; }

    /// <summary>TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN…</summary>
    public string? Mod { get; init; }

    public int? Hour { get; init; }

    public int? Minute { get; init; }

    /// <summary>A duration counted back from the publication date ("قبل ثلاثة أيام").</summary>
    public bool Ago { get; init; }

    /// <summary>Years from the publication year named by "من هذا العام", "من العام الماضي" (0, −1).</summary>
    public int? YearShift { get; init; }

    /// <summary>TIMEX3 season code (SP, SU, FA, WI).</summary>
    public string? Season { get; init; }

    /// <summary>"نهاية الأسبوع": the weekend of the week, not its end.</summary>
    public bool Weekend { get; init; }

    /// <summary>
    /// The expression names no day of its own ("مساء", "الساعة الرابعة", "اليوم الثالث"): it takes the day of the
    /// date the text last named, close before it, rather than the publication date.
    /// </summary>
    public bool Anchored { get; init; }

    /// <summary>A value the lexicon gives whole (vague references, recurrence adverbs).</summary>
    public string? FixedValue { get; init; }

    /// <summary>True when the expression gives a full calendar date (day, month and year).</summary>
    public bool IsFullDate => Day is not null && Month is not null && Year is not null;
}
