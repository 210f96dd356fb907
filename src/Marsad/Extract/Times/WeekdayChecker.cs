using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// Finds weekdays that contradict the calendar date written beside them ("فجر اليوم الأربعاء (25 كانون الثاني
/// 2024)" when 25 January 2024 was a Thursday). Rules: only a weekday in apposition with a date that names its day
/// and month is checked (see <see cref="TimeAppositions"/>); each contradiction gives one discrepancy of kind
/// <c>weekday</c> with two claims — the weekday read as the nearest such day to the date, and the date itself.
/// Values are not changed here: the resolver follows the explicit date.
/// </summary>
public sealed class WeekdayChecker
{
    private static readonly Lazy<WeekdayChecker> DefaultChecker = new(() => new WeekdayChecker(TimeLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TimeLexicon _lex;
    private readonly TimeResolver _resolver;

    public WeekdayChecker(TimeLexicon lexicon)
    {
        _lex = lexicon;
        _resolver = new TimeResolver(lexicon);
    }

    public static WeekdayChecker Default => DefaultChecker.Value;

    public IReadOnlyList<Discrepancy> Check(string docId, string text, IReadOnlyList<TimeExpression> expressions, DateOnly? reference)
    {
        List<Discrepancy>? found = null;
        foreach (var pair in TimeAppositions.Find(text, expressions, _lex))
        {
            var weekdayExpr = expressions[pair.Weekday];
            var dateExpr = expressions[pair.Date];
            if (weekdayExpr.Weekday is not { } weekday || _resolver.ToDate(dateExpr, reference) is not { } date || date.DayOfWeek == weekday)
            {
                continue;
            }

            var shift = ((int)weekday - (int)date.DayOfWeek + 7) % 7;
            var read = date.AddDays(shift > 3 ? shift - 7 : shift);
            var start = Math.Min(weekdayExpr.Span.Start, dateExpr.Span.Start);
            var end = Math.Max(weekdayExpr.Span.End, dateExpr.Span.End);
            if (end < text.Length && text[end] == ')' && text.AsSpan(start, end - start).Contains('('))
            {
                end++;
            }

            (found ??= []).Add(new Discrepancy("weekday", text[start..end],
            [
                new DiscrepancyClaim(docId, weekdayExpr.Span.Of(text), TimeResolver.Iso(read)),
                new DiscrepancyClaim(docId, dateExpr.Span.Of(text), TimeResolver.Iso(date)),
            ]));
        }

        return found ?? (IReadOnlyList<Discrepancy>)[];
    }
}
