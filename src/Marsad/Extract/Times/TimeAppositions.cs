using Marsad.Arabic;

namespace Marsad.Extract.Times;

/// <summary>
/// Finds a weekday written beside a calendar date ("يوم الأربعاء (24 كانون الثاني 2024)", "الأربعاء 18 جانفي",
/// "24 يناير، الأربعاء"). Rules: the two expressions touch, with only spaces, brackets, commas, dashes or a word
/// of the role <c>apposition</c> ("الموافق") between them; the weekday may come first or second; the date names at
/// least a day and a month.
/// </summary>
public static class TimeAppositions
{
    public static IReadOnlyList<WeekdayDatePair> Find(string text, IReadOnlyList<TimeExpression> expressions, TimeLexicon lexicon)
    {
        var pairs = new List<WeekdayDatePair>();
        for (var i = 0; i + 1 < expressions.Count; i++)
        {
            var a = expressions[i];
            var b = expressions[i + 1];
            if (a.Weekday is not null && IsDate(b) && Touch(text, a, b, lexicon))
            {
                pairs.Add(new WeekdayDatePair(i, i + 1));
                i++;
            }
            else if (IsDate(a) && b.Weekday is not null && b.DayOffset is null && Touch(text, a, b, lexicon))
            {
                pairs.Add(new WeekdayDatePair(i + 1, i));
                i++;
            }
        }

        return pairs;
    }

    private static bool IsDate(TimeExpression e) => e.Day is not null && e.Month is not null && e.Weekday is null && e.Kind == Model.TimeKind.Date;

    private static bool Touch(string text, TimeExpression a, TimeExpression b, TimeLexicon lexicon)
    {
        var gap = text.AsSpan(a.Span.End, Math.Max(0, b.Span.Start - a.Span.End));
        if (gap.Length > 24)
        {
            return false;
        }

        var i = 0;
        while (i < gap.Length)
        {
            var c = gap[i];
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or ',' or '،' or '-' or '–' or '—' or ':' || ArabicNormalizer.IsIgnorable(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            var j = i;
            while (j < gap.Length && char.IsLetter(gap[j]) || j < gap.Length && ArabicNormalizer.IsIgnorable(gap[j]))
            {
                j++;
            }

            if (!lexicon.HasRole("apposition", ArabicNormalizer.Normalize(gap[i..j])))
            {
                return false;
            }

            i = j;
        }

        return true;
    }
}
