using System.Globalization;
using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// Turns extracted expressions into TIMEX3 values against a reference date (the publication date), never the
/// clock. Rules:
/// <list type="bullet">
/// <item>a full date gives <c>YYYY-MM-DD</c>, a month <c>YYYY-MM</c>, a year <c>YYYY</c>; a part of day adds
/// <c>TMO</c>/<c>TAF</c>/<c>TEV</c>/<c>TNI</c>, a clock time <c>THH:MM</c>;</item>
/// <item>a date or month without a year takes the reference year, or the year before when that would put it more than
/// two months after the reference (news tells the past), or the year after when it would be more than ten months
/// before; "الماضي" forces the past, "المقبل" the future;</item>
/// <item>a deictic counts days from the reference (اليوم 0, أمس −1); its weekday does not move it;</item>
/// <item>a bare weekday is the latest such day on or before the reference; with الماضي strictly before, with
/// المقبل/القادم strictly after;</item>
/// <item>a weekday written beside a calendar date takes the date's value: the explicit date is the more reliable
/// reading (a contradiction is reported by <see cref="WeekdayChecker"/>);</item>
/// <item>relative periods ("العام الماضي", "هذا الأسبوع") shift the reference's year, month or ISO week;</item>
/// <item>Hijri dates are converted with the Umm al-Qura calendar; a Hijri month or year alone takes the Gregorian
/// month or year of its middle;</item>
/// <item>durations are <c>P…</c> (<c>PT…</c> for hours and minutes) with X for a vague count; "قبل N unit" is the
/// date N units back at the unit's precision;</item>
/// <item>without a reference date, what needs one resolves to null (a yearless date to <c>XXXX-MM-DD</c>).</item>
/// </list>
/// </summary>
public sealed class TimeResolver
{
    private static readonly Lazy<TimeResolver> DefaultResolver = new(() => new TimeResolver(TimeLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly UmAlQuraCalendar Hijri = new();

    // How far (in characters, about three short paragraphs) a named day still dates a time that names none
    // ("واندلعت أمس الجمعة … استيقظنا صباحا في الساعة الرابعة").
    private const int AnchorReach = 600;

    private readonly TimeLexicon _lex;

    public TimeResolver(TimeLexicon lexicon) => _lex = lexicon;

    public static TimeResolver Default => DefaultResolver.Value;

    /// <summary>Resolves every expression; a weekday beside a calendar date takes the date's value.</summary>
    public IReadOnlyList<TimeMention> ResolveAll(string text, IReadOnlyList<TimeExpression> expressions, DateOnly? reference)
    {
        var values = new string?[expressions.Count];
        DateOnly? anchor = null;
        var anchorEnd = int.MinValue;
        for (var i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            var own = e.Anchored && anchor is not null && e.Span.Start - anchorEnd <= AnchorReach ? anchor : reference;
            values[i] = Resolve(e, own);
            if (!e.Anchored && e.Kind is TimeKind.Date or TimeKind.Time && ToDate(e, reference) is { } day)
            {
                anchor = day;
                anchorEnd = e.Span.End;
            }
        }

        foreach (var pair in TimeAppositions.Find(text, expressions, _lex))
        {
            var date = ToDate(expressions[pair.Date], reference);
            if (date is not null)
            {
                var weekday = expressions[pair.Weekday];
                values[pair.Weekday] = Iso(date.Value) + PartOfDay(weekday);
            }
        }

        var mentions = new TimeMention[expressions.Count];
        for (var i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            mentions[i] = new TimeMention(e.Span, e.Kind, values[i], e.Mod);
        }

        return mentions;
    }

    /// <summary>The TIMEX3 value of one expression, or null when it needs a reference date that is missing.</summary>
    public string? Resolve(TimeExpression e, DateOnly? reference)
    {
        if (e.FixedValue is not null)
        {
            return e.FixedValue;
        }

        if (e.Season is not null)
        {
            var year = e.Year ?? SeasonYear(e, reference);
            return (year is null ? "XXXX" : year.Value.ToString("0000", CultureInfo.InvariantCulture)) + "-" + e.Season;
        }

        if (e.Kind == TimeKind.Set)
        {
            return e.Weekday is not null ? "XXXX-WXX-" + IsoDay(e.Weekday.Value) : Duration(e.Unit ?? TimeUnit.Day, e.Quantity ?? 1, false);
        }

        if (e.Ago)
        {
            return Ago(e, reference);
        }

        if (e.Kind == TimeKind.Duration)
        {
            return Duration(e.Unit ?? TimeUnit.Day, e.Quantity, e.VagueQuantity);
        }

        if (e.Hour is not null)
        {
            var day = DayOf(e, reference);
            return day is null ? null : Iso(day.Value) + $"T{e.Hour:00}:{e.Minute ?? 0:00}";
        }

        if (e.DayOffset is not null || e.Weekday is not null)
        {
            var day = DayOf(e, reference);
            return day is null ? null : Iso(day.Value) + PartOfDay(e);
        }

        if (e.Unit is not null)
        {
            return Relative(e, reference);
        }

        if (e.Hijri)
        {
            return HijriValue(e, reference);
        }

        if (e.Month is not null)
        {
            var year = YearOf(e, reference);
            var y = year is null ? "XXXX" : year.Value.ToString("0000", CultureInfo.InvariantCulture);
            return e.Day is null ? $"{y}-{e.Month:00}" : $"{y}-{e.Month:00}-{e.Day:00}" + PartOfDay(e);
        }

        return e.Year?.ToString("0000", CultureInfo.InvariantCulture);
    }

    /// <summary>The calendar day an expression names, when it names one (a date, a deictic, a weekday).</summary>
    public DateOnly? ToDate(TimeExpression e, DateOnly? reference)
    {
        if (e.Hijri)
        {
            return e.Day is not null && e.Month is not null && e.Year is not null ? FromHijri(e.Year.Value, e.Month.Value, e.Day.Value) : null;
        }

        if (e.Day is not null && e.Month is not null)
        {
            var year = YearOf(e, reference);
            return year is null || e.Day > DateTime.DaysInMonth(year.Value, e.Month.Value) ? null : new DateOnly(year.Value, e.Month.Value, e.Day.Value);
        }

        return e.DayOffset is not null || e.Weekday is not null && e.Kind != TimeKind.Set ? DayOf(e, reference) : null;
    }

    /// <summary>The latest day with <paramref name="weekday"/> on or before <paramref name="reference"/>.</summary>
    public static DateOnly WeekdayOnOrBefore(DateOnly reference, DayOfWeek weekday) =>
        reference.AddDays(-(((int)reference.DayOfWeek - (int)weekday + 7) % 7));

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? DayOf(TimeExpression e, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        if (e.DayOffset is { } offset)
        {
            return r.AddDays(offset);
        }

        if (e.Weekday is not { } w)
        {
            return r;
        }

        return e.Relation switch
        {
            TimeRelation.Past => WeekdayOnOrBefore(r.AddDays(-1), w),
            TimeRelation.Next => WeekdayOnOrBefore(r.AddDays(7), w),
            TimeRelation.Ahead => WeekdayOnOrBefore(r.AddDays(6), w),
            _ => WeekdayOnOrBefore(r, w),
        };
    }

    /// <summary>The year of a month or date: its own, the publication year shifted ("من العام الماضي"), or the nearest.</summary>
    private static int? YearOf(TimeExpression e, DateOnly? reference) =>
        e.Year ?? (e.YearShift is { } shift ? reference?.Year + shift : YearFor(e.Month!.Value, e.Day, e.Relation, reference));

    /// <summary>
    /// The year of a season without one: "الصيف الماضي" is the latest summer already over, "الشتاء المقبل" the next
    /// one not begun, otherwise the publication year (a winter is dated by its January).
    /// </summary>
    private static int? SeasonYear(TimeExpression e, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        if (e.YearShift is { } shift)
        {
            return r.Year + shift;
        }

        var (first, last) = e.Season switch
        {
            "SP" => (3, 5),
            "SU" => (6, 8),
            "FA" => (9, 11),
            _ => (12, 2),
        };
        return e.Relation switch
        {
            TimeRelation.Past => r.Month > last && first <= last ? r.Year : first > last && r.Month > last && r.Month < first ? r.Year : r.Year - 1,
            TimeRelation.Next => r.Month < first ? (first > last ? r.Year + 1 : r.Year) : r.Year + 1,
            _ => first > last && r.Month == 12 ? r.Year + 1 : r.Year,
        };
    }

    private static int? YearFor(int month, int? day, TimeRelation relation, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        var y = r.Year;
        var d = Math.Min(day ?? 1, DateTime.DaysInMonth(y, month));
        var candidate = new DateOnly(y, month, d);
        switch (relation)
        {
            case TimeRelation.Past:
                return day is null ? (month >= r.Month ? y - 1 : y) : (candidate > r ? y - 1 : y);
            case TimeRelation.Next:
                return day is null ? (month <= r.Month ? y + 1 : y) : (candidate < r ? y + 1 : y);
        }

        if (day is null)
        {
            return month > r.Month + 2 ? y - 1 : month < r.Month - 10 ? y + 1 : y;
        }

        return candidate > r.AddDays(62) ? y - 1 : candidate < r.AddDays(-310) ? y + 1 : y;
    }

    private static string? Relative(TimeExpression e, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        var delta = e.Relation switch
        {
            TimeRelation.Past => -1,
            TimeRelation.Next => 1,
            _ => 0,
        };
        return e.Unit switch
        {
            TimeUnit.Year => (r.Year + delta).ToString("0000", CultureInfo.InvariantCulture),
            TimeUnit.Month => MonthValue(r.AddMonths(delta)),
            TimeUnit.Week => WeekValue(r.AddDays(7 * delta)) + (e.Weekend ? "-WE" : ""),
            TimeUnit.Decade => ((r.Year / 10) + delta).ToString(CultureInfo.InvariantCulture),
            TimeUnit.Century => ((r.Year / 100) + delta).ToString(CultureInfo.InvariantCulture),
            _ => Iso(r.AddDays(delta)),
        };
    }

    private static string? Ago(TimeExpression e, DateOnly? reference)
    {
        if (e.VagueQuantity || e.Quantity is null)
        {
            return "PAST_REF";
        }

        if (reference is not { } r)
        {
            return null;
        }

        var n = (int)Math.Round(e.Quantity.Value);
        return e.Unit switch
        {
            TimeUnit.Year => (r.Year - n).ToString("0000", CultureInfo.InvariantCulture),
            TimeUnit.Month => MonthValue(r.AddMonths(-n)),
            TimeUnit.Week => WeekValue(r.AddDays(-7 * n)),
            TimeUnit.Day => Iso(r.AddDays(-n)),
            TimeUnit.Decade => (r.Year - (10 * n)).ToString("0000", CultureInfo.InvariantCulture),
            TimeUnit.Century => (r.Year - (100 * n)).ToString("0000", CultureInfo.InvariantCulture),
            _ => Iso(r),
        };
    }

    private static string Duration(TimeUnit unit, decimal? quantity, bool vague)
    {
        var n = vague || quantity is null ? "X" : quantity.Value.ToString("0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Year => $"P{n}Y",
            TimeUnit.Month => $"P{n}M",
            TimeUnit.Week => $"P{n}W",
            TimeUnit.Day => $"P{n}D",
            TimeUnit.Hour => $"PT{n}H",
            TimeUnit.Minute => $"PT{n}M",
            TimeUnit.Decade => $"P{n}DE",
            _ => $"P{n}CE",
        };
    }

    private static string? HijriValue(TimeExpression e, DateOnly? reference)
    {
        var year = e.Year;
        if (year is null)
        {
            if (reference is not { } r)
            {
                return null;
            }

            var today = r.ToDateTime(TimeOnly.MinValue);
            year = Hijri.GetYear(today);
            var thisMonth = Hijri.GetMonth(today);
            if (e.Month is { } m)
            {
                year += e.Relation switch
                {
                    TimeRelation.Past when m >= thisMonth => -1,
                    TimeRelation.Next when m <= thisMonth => 1,
                    _ => 0,
                };
            }
        }

        if (e.Month is null)
        {
            var middle = FromHijri(year.Value, 7, 1);
            return middle?.Year.ToString("0000", CultureInfo.InvariantCulture);
        }

        if (e.Day is null)
        {
            var middle = FromHijri(year.Value, e.Month.Value, 15);
            return middle is null ? null : MonthValue(middle.Value);
        }

        var date = FromHijri(year.Value, e.Month.Value, e.Day.Value);
        return date is null ? null : Iso(date.Value) + PartOfDay(e);
    }

    private static DateOnly? FromHijri(int year, int month, int day)
    {
        if (year < Hijri.GetYear(Hijri.MinSupportedDateTime) + 1 || year > Hijri.GetYear(Hijri.MaxSupportedDateTime) - 1
            || day > Hijri.GetDaysInMonth(year, month))
        {
            return null;
        }

        return DateOnly.FromDateTime(Hijri.ToDateTime(year, month, day, 0, 0, 0, 0));
    }

    private static string PartOfDay(TimeExpression e) => e.PartOfDay is null ? "" : "T" + e.PartOfDay;

    private static string MonthValue(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string WeekValue(DateOnly d) =>
        $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):00}";

    private static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;
}
