using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Extract.Times;

/// <summary>
/// Finds time expressions in Arabic text and reads their parts; values are left to <see cref="TimeResolver"/>.
/// Rules:
/// <list type="bullet">
/// <item>matching runs on the normalized text (ArabicNormalizer), spans are mapped back to the original text;</item>
/// <item>the patterns of <c>data/ar/time/patterns.tsv</c> are tried only at word starts whose word (or the word
/// after one or two proclitics و ف ب ل ك) can begin a rule, or that start with a digit; the proclitic stays
/// outside the span, except the ل of "لل…" which fuses with the article;</item>
/// <item>a month that is also a common word (مارس، آب، نيسان، ماي، جوان) needs a day, a year, a modifier or "شهر";</item>
/// <item>a bare four-digit number is a year only in 1800–2100 and when a neighbour word says so ("في 2015",
/// "2015 دون") or punctuation or a clitic و touches it, and never as part of a decimal or a list of digits;</item>
/// <item>a bare weekday after a word of schedule ("المقرر", "سوف") in the same sentence lies ahead;</item>
/// <item>اليوم alone is "today" unless a definite adjective, a relative pronoun or a demonstrative makes it "the day";</item>
/// <item>a singular unit counts only with واحد, an approximator or قبل ("حوالي يوم"); a plural unit needs a count;</item>
/// <item>"قبل N unit" is a date N units back, unless من/على/عن anchors it on an event (then a duration);</item>
/// <item>"بين 3 و5 كانون الثاني" and "3-5 كانون الثاني" give two dates that share month and year;</item>
/// <item>a numeric date is read day-month-year (the Arab convention), month-day only when the day cannot be a month;
/// a year in 1300–1600 makes it a Hijri date ("19/6/1436").</item>
/// </list>
/// </summary>
public sealed class TimeExtractor
{
    private static readonly Lazy<TimeExtractor> DefaultExtractor = new(() => new TimeExtractor(TimeLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TimeLexicon _lex;

    public TimeExtractor(TimeLexicon lexicon) => _lex = lexicon;

    public static TimeExtractor Default => DefaultExtractor.Value;

    /// <summary>The time expressions of <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<TimeExpression> Extract(string text) => Extract(text, ArabicNormalizer.NormalizeWithMap(text));

    /// <summary>The time expressions of <paramref name="text"/>, reusing its normalized form.</summary>
    public IReadOnlyList<TimeExpression> Extract(string text, NormalizedText normalized)
    {
        var s = normalized.Text;
        var found = new List<TimeExpression>();
        var i = 0;
        Span<char> restored = stackalloc char[32];
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            var wordEnd = i + 1;
            while (wordEnd < s.Length && char.IsLetterOrDigit(s[wordEnd]))
            {
                wordEnd++;
            }

            var next = wordEnd;
            for (var c = wordStart; c < wordEnd && c <= wordStart + 2; c++)
            {
                if (c > wordStart && !IsProclitic(s[c - 1]))
                {
                    break;
                }

                var fusedArticle = c > wordStart && s[c - 1] == 'ل' && s[c] == 'ل';
                var rules = RulesAt(s.AsSpan(c, wordEnd - c), fusedArticle, restored);
                if (rules == 0)
                {
                    continue;
                }

                var end = TryRules(rules, text, normalized, c, fusedArticle ? wordStart : c, wordStart, found);
                if (end > 0)
                {
                    next = end;
                    break;
                }
            }

            i = next;
        }

        return found;
    }

    private static bool IsProclitic(char c) => c is 'و' or 'ف' or 'ب' or 'ل' or 'ك';

    private ulong RulesAt(ReadOnlySpan<char> word, bool fusedArticle, Span<char> buffer)
    {
        if (char.IsAsciiDigit(word[0]))
        {
            return _lex.DigitRules;
        }

        var rules = _lex.RulesStartingWith(word);
        if (fusedArticle && word.Length < buffer.Length)
        {
            // "للعام": the preposition ل took the alef of the article; look the word up as "العام".
            buffer[0] = 'ا';
            word.CopyTo(buffer[1..]);
            rules |= _lex.RulesStartingWith(buffer[..(word.Length + 1)]);
        }

        return rules;
    }

    /// <summary>Tries the given rules in order at normalized offset <paramref name="at"/>; returns the end of what one took, or 0.</summary>
    private int TryRules(ulong rules, string text, NormalizedText norm, int at, int spanStart, int wordStart, List<TimeExpression> found)
    {
        for (var i = 0; rules != 0; i++, rules >>= 1)
        {
            if ((rules & 1) == 0)
            {
                continue;
            }

            var end = TryRule(_lex.Rules[i], text, norm, at, spanStart, wordStart, found);
            if (end > 0)
            {
                return end;
            }
        }

        return 0;
    }

    private int TryRule(TimeRule rule, string text, NormalizedText norm, int at, int spanStart, int wordStart, List<TimeExpression> found)
    {
        var s = norm.Text;
        Match m;
        try
        {
            m = rule.Pattern.Match(s, at);
        }
        catch (RegexMatchTimeoutException)
        {
            return 0;
        }

        if (!m.Success || m.Length == 0)
        {
            return 0;
        }

        var name = rule.Name;
        var reader = new MatchReader(m, _lex);
        var end = m.Index + m.Length;
        var kind = rule.Kind;
        var clitic = at > wordStart;
        var expr = name switch
        {
            "range_dm" or "range_dm_dash" => ReadRange(reader, norm, text, name, found, ref spanStart),
            "dmy_num" or "ymd_num" => ReadNumericDate(reader, name),
            "dmy" or "ord_dm" or "my" => ReadGregorian(reader, name, ref end),
            "hijri_dmy" or "hijri_my" or "hijri_y" or "hijri_m" => ReadHijri(reader, name),
            "year" or "year_mod" => ReadYear(reader, name),
            "year_bare" => IsBareYear(s, at, end, clitic) ? ReadYear(reader, name) : null,
            "clock" => ReadClock(reader, name),
            "pod_day" or "pod_deictic" or "deictic_weekday" or "weekday" or "deictic" => ReadDay(reader, name, s, at, end),
            "relative" => ReadRelative(reader, name),
            "span" => ReadSpan(reader, name),
            "ago" or "duration" => ReadDuration(reader, name, s, end, ref spanStart, ref kind),
            "set_every" => ReadEvery(reader, name),
            "set_word" => TimeLexicon.TryLookup(_lex.Sets, reader.Text("set"), out var set) ? new TimeExpression(default, kind, name) { FixedValue = set } : null,
            "decade" => TimeLexicon.TryLookup(_lex.Decades, reader.Text("decade"), out var dec) ? new TimeExpression(default, kind, name) { FixedValue = dec } : null,
            "vague" => TimeLexicon.TryLookup(_lex.Vague, reader.Text("vague"), out var v) ? new TimeExpression(default, kind, name) { FixedValue = v } : null,
            _ => throw new InvalidDataException($"time rule '{name}' has no reader; known rules are read by TimeExtractor"),
        };

        if (expr is null)
        {
            return 0;
        }

        if (expr.PartOfDay is not null && kind == TimeKind.Date)
        {
            kind = TimeKind.Time;
        }

        found.Add(expr with { Span = MapSpan(text, norm, spanStart, end), Kind = kind });
        return end;
    }

    /// <summary>Maps a normalized span to the original text, keeping the marks the normalizer dropped at its end (tanween of "قريباً", tatweel of "هـ").</summary>
    private static TextSpan MapSpan(string text, NormalizedText norm, int start, int end)
    {
        var span = norm.MapToOriginal(start, end);
        var e = span.End;
        while (e < text.Length && ArabicNormalizer.IsIgnorable(text[e]) && text[e] is not ('\u200E' or '\u200F' or '\u202C' or '\u2069'))
        {
            e++;
        }

        return span with { End = e };
    }

    private TimeExpression? ReadRange(MatchReader r, NormalizedText norm, string text, string rule, List<TimeExpression> found, ref int spanStart)
    {
        var month = r.Month("month");
        var month2 = r.Has("month2") ? r.Month("month2") : month;
        var first = r.Int("rday");
        var last = r.Int("day");
        var year = r.Has("year") ? r.Int("year") : (int?)null;
        if (month is null || month2 != month || !ValidDay(first, month.Value, year) || !ValidDay(last, month.Value, year) || first >= last)
        {
            return null;
        }

        var relation = r.Relation("rel");
        var rday = r.Group("rday");
        found.Add(new TimeExpression(MapSpan(text, norm, rday.Index, rday.Index + rday.Length), TimeKind.Date, rule)
        {
            Day = first,
            Month = month,
            Year = year,
            Relation = relation,
        });
        spanStart = r.Group("day").Index;
        return new TimeExpression(default, TimeKind.Date, rule) { Day = last, Month = month, Year = year, Relation = relation };
    }

    private static TimeExpression? ReadNumericDate(MatchReader r, string rule)
    {
        var day = r.Int("day");
        var month = r.Int("nmonth");
        var year = r.Int("year");
        if (month > 12 && day <= 12)
        {
            (day, month) = (month, day);
        }

        if (year is >= 1300 and <= 1600 && month is >= 1 and <= 12 && day is >= 1 and <= 30)
        {
            // "19/6/1436": a year of the Hijri era (Saudi usage).
            return new TimeExpression(default, TimeKind.Date, rule) { Day = day, Month = month, Year = year, Hijri = true };
        }

        if (month is < 1 or > 12 || year is < 1800 or > 2100 || !ValidDay(day, month, year))
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule) { Day = day, Month = month, Year = year };
    }

    private TimeExpression? ReadGregorian(MatchReader r, string rule, ref int end)
    {
        var month = r.Month("month");
        if (month is null)
        {
            return null;
        }

        int? year = r.Has("year") ? r.Int("year") : null;
        var relation = r.Relation("rel");
        if (r.Has("month2") && r.Month("month2") != month)
        {
            // "يناير - فبراير" is two months, not one month in two naming systems: keep the first alone.
            var g = r.Group("month");
            end = g.Index + g.Length;
            year = null;
            relation = TimeRelation.None;
        }

        int? day = rule switch
        {
            "dmy" => r.Int("day"),
            "ord_dm" => r.Ordinal("ordday"),
            _ => null,
        };
        if (day is not null && !ValidDay(day.Value, month.Value, year))
        {
            return null;
        }

        if (year is < 1000 or > 2200)
        {
            return null;
        }

        var mod = r.Modifier("mod");
        if (rule == "my" && mod is null && !r.Has("mword") && year is null && relation == TimeRelation.None
            && !r.Has("month2") && !_lex.BareMonths.Contains(r.Key("month")))
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule) { Day = day, Month = month, Year = year, Relation = relation, Mod = mod };
    }

    private static TimeExpression? ReadHijri(MatchReader r, string rule)
    {
        int? year = r.Has("hyear") ? r.Int("hyear") : null;
        if (year is < 1300 or > 1600)
        {
            return null;
        }

        int? month = r.Has("hmonth") ? r.HijriMonth("hmonth") : null;
        int? day = r.Has("day") ? r.Int("day") : null;
        if (day is < 1 or > 30)
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule)
        {
            Day = day,
            Month = month,
            Year = year,
            Hijri = true,
            Relation = r.Relation("rel"),
            Mod = r.Modifier("mod"),
        };
    }

    private static TimeExpression? ReadYear(MatchReader r, string rule)
    {
        var year = r.Int("year");
        if (year is < 1000 or > 2200)
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule) { Year = year, Mod = r.Modifier("mod") };
    }

    private bool IsBareYear(string s, int start, int end, bool afterClitic)
    {
        var year = int.Parse(s.AsSpan(start, 4), CultureInfo.InvariantCulture);
        if (year is < 1800 or > 2100)
        {
            return false;
        }

        // Part of a decimal, a time or a list of digits ("1,2020", "12:2020"); "2017/2018" is a span of years.
        if (start >= 2 && s[start - 1] is '.' or ',' or '٫' or '٬' or ':' or '/' && char.IsAsciiDigit(s[start - 2])
            && !(s[start - 1] == '/' && DigitsBefore(s, start - 1) == 4))
        {
            return false;
        }

        if (end < s.Length && s[end] is '%' or '٪' || end + 1 < s.Length && s[end] is '.' or ',' or '/' or ':' && char.IsAsciiDigit(s[end + 1])
            && !(s[end] == '/' && DigitsAfter(s, end + 1) is 2 or 4))
        {
            return false;
        }

        // "2002م", "و2018", the second year of "2017/2018" or "2017-2018".
        if (end - start > 4 || afterClitic || start >= 5 && s[start - 1] is '/' or '-' && DigitsBefore(s, start - 1) == 4)
        {
            return true;
        }

        var before = PreviousWord(s, start);
        if (HasRoleAfterProclitics("yearprev", before))
        {
            return true;
        }

        var after = NextWord(s, end, out var gapHasPunctuation);
        return gapHasPunctuation || after.IsEmpty || !char.IsLetter(after[0]) || _lex.HasRole("yearnext", after);
    }

    /// <summary>A word of the role <c>future</c> ("المقرر", "سوف") among the six words before, in the same sentence.</summary>
    private bool FutureBefore(string s, int start)
    {
        var pos = start;
        for (var n = 0; n < 6; n++)
        {
            var e = pos;
            while (e > 0 && !char.IsLetterOrDigit(s[e - 1]))
            {
                if (s[e - 1] is '.' or '!' or '?' or '؟' or '\n')
                {
                    return false;
                }

                e--;
            }

            var b = e;
            while (b > 0 && char.IsLetterOrDigit(s[b - 1]))
            {
                b--;
            }

            if (b == e)
            {
                return false;
            }

            if (HasRoleAfterProclitics("future", s.AsSpan(b, e - b)))
            {
                return true;
            }

            pos = b;
        }

        return false;
    }

    /// <summary>The word, or the word without one or two proclitics ("وفي", "لعامي"), has the role.</summary>
    private bool HasRoleAfterProclitics(string role, ReadOnlySpan<char> word)
    {
        for (var i = 0; i <= 2 && i < word.Length; i++)
        {
            if (i > 0 && !IsProclitic(word[i - 1]))
            {
                return false;
            }

            if (_lex.HasRole(role, word[i..]))
            {
                return true;
            }
        }

        return false;
    }

    private static TimeExpression? ReadClock(MatchReader r, string rule)
    {
        var hour = r.Has("hour") ? r.Int("hour") : r.Ordinal("hourord");
        var minute = r.Has("minute") ? r.Int("minute") : 0;
        if (hour is null or > 24 || minute > 59)
        {
            return null;
        }

        var pod = r.PartOfDay("podadv");
        if (pod is "EV" or "NI" or "AF" && hour < 12)
        {
            hour += 12;
        }

        return new TimeExpression(default, TimeKind.Time, rule)
        {
            Hour = hour % 24,
            Minute = minute,
            DayOffset = r.Deictic("deictic"),
            Weekday = r.Weekday("weekday"),
        };
    }

    private TimeExpression? ReadDay(MatchReader r, string rule, string s, int start, int end)
    {
        var offset = r.Deictic("deictic");
        var weekday = r.Weekday("weekday");
        if (offset == 0 && weekday is null)
        {
            // "اليوم التالي", "اليوم الذي", "اليوم ذاته", "ذلك اليوم": the day of an event, not today.
            var after = NextWord(s, end, out var punct);
            if (!punct && (after.StartsWith("ال") || _lex.HasRole("relative_pronoun", after) || _lex.HasRole("same", after)))
            {
                return null;
            }

            var before = PreviousWord(s, start);
            if (_lex.HasRole("distal", before))
            {
                return null;
            }
        }

        var relation = r.Relation("rel");
        if (weekday is not null && offset is null && relation == TimeRelation.None && FutureBefore(s, start))
        {
            // "ومن المقرر أن يصل الوفد الأحد": a scheduled day lies ahead.
            relation = TimeRelation.Next;
        }

        return new TimeExpression(default, TimeKind.Date, rule)
        {
            DayOffset = offset,
            Weekday = weekday,
            PartOfDay = r.PartOfDay("pod"),
            Relation = relation,
        };
    }

    private static TimeExpression? ReadRelative(MatchReader r, string rule)
    {
        var period = r.Period("period");
        var relation = r.Has("relpre") ? r.Relation("relpre") : r.Relation("rel");
        if (period is null || period.Value.Count != 1)
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule) { Unit = period.Value.Unit, Relation = relation, Mod = r.Modifier("mod") };
    }

    private static TimeExpression? ReadSpan(MatchReader r, string rule)
    {
        var period = r.Period("period");
        if (period is null)
        {
            return null;
        }

        var count = r.Has("numpost") ? r.Number("numpost") : null;
        return new TimeExpression(default, TimeKind.Duration, rule)
        {
            Unit = period.Value.Unit,
            Quantity = count,
            VagueQuantity = count is null,
            Relation = r.Relation("rel"),
        };
    }

    private TimeExpression? ReadDuration(MatchReader r, string rule, string s, int end, ref int spanStart, ref TimeKind kind)
    {
        var unit = r.Unit("unit");
        if (unit is null)
        {
            return null;
        }

        var ago = rule == "ago";
        var qmod = r.Modifier("qmod");
        decimal? quantity = null;
        var vague = false;
        if (r.Has("num"))
        {
            // Digits beyond a decimal's range are no duration a text states.
            if (!decimal.TryParse(r.Text("num").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                return null;
            }

            quantity = parsed;
        }
        else if (r.Has("numword"))
        {
            quantity = r.Number("numword");
            vague = quantity is null;
        }
        else if (r.Has("numpost"))
        {
            quantity = r.Number("numpost");
            vague = quantity is null;
            if (unit.Value.Count == 2 || unit.Value.Count == 1 && (vague || quantity != 1))
            {
                return null;
            }
        }
        else if (unit.Value.Count == 2)
        {
            quantity = 2;
        }
        else if (unit.Value.Count == 1 && (qmod is not null || ago))
        {
            quantity = 1;
        }
        else
        {
            return null;
        }

        if (quantity is <= 0)
        {
            return null;
        }

        if (ago)
        {
            var after = NextWord(s, end, out var punct);
            if (!punct && _lex.HasRole("eventanchor", after))
            {
                // "قبل يومين من الانتخابات": two days before an event, a duration.
                var signal = r.Group("ago");
                spanStart = NextWordStart(s, signal.Index + signal.Length);
                ago = false;
                kind = TimeKind.Duration;
            }
        }

        return new TimeExpression(default, kind, rule)
        {
            Unit = unit.Value.Unit,
            Quantity = quantity,
            VagueQuantity = vague,
            Mod = qmod,
            Ago = ago,
        };
    }

    private static TimeExpression? ReadEvery(MatchReader r, string rule)
    {
        var unit = r.Unit("unit");
        if (unit is { Count: 0 })
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Set, rule)
        {
            Unit = unit?.Unit,
            Quantity = unit?.Count,
            Weekday = r.Weekday("weekday"),
        };
    }

    private static bool ValidDay(int day, int month, int? year) =>
        day >= 1 && day <= (year is >= 1 and <= 9999 ? DateTime.DaysInMonth(year.Value, month) : month == 2 ? 29 : DateTime.DaysInMonth(2001, month));

    private static ReadOnlySpan<char> PreviousWord(string s, int start)
    {
        var e = start;
        while (e > 0 && !char.IsLetterOrDigit(s[e - 1]))
        {
            if (s[e - 1] == '\n')
            {
                return [];
            }

            e--;
        }

        var b = e;
        while (b > 0 && char.IsLetterOrDigit(s[b - 1]))
        {
            b--;
        }

        return s.AsSpan(b, e - b);
    }

    /// <summary>The word after <paramref name="end"/>; <paramref name="punctuation"/> is true when anything but space separates it.</summary>
    private static ReadOnlySpan<char> NextWord(string s, int end, out bool punctuation)
    {
        punctuation = false;
        var b = end;
        while (b < s.Length && !char.IsLetterOrDigit(s[b]))
        {
            if (!char.IsWhiteSpace(s[b]) || s[b] == '\n')
            {
                punctuation = true;
            }

            b++;
        }

        var e = b;
        while (e < s.Length && char.IsLetterOrDigit(s[e]))
        {
            e++;
        }

        return s.AsSpan(b, e - b);
    }

    private static int DigitsBefore(string s, int end)
    {
        var b = end;
        while (b > 0 && char.IsAsciiDigit(s[b - 1]))
        {
            b--;
        }

        return end - b;
    }

    private static int DigitsAfter(string s, int start)
    {
        var e = start;
        while (e < s.Length && char.IsAsciiDigit(s[e]))
        {
            e++;
        }

        return e - start;
    }

    private static int NextWordStart(string s, int from)
    {
        while (from < s.Length && !char.IsLetterOrDigit(s[from]))
        {
            from++;
        }

        return from;
    }
}
