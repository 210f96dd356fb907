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
/// after one or two proclitics of <see cref="ProcliticTable"/>: و ف ب ل ك) can begin a rule, or that start with a digit; the proclitic stays
/// outside the span, except the ل of "لل…" which fuses with the article;</item>
/// <item>a month that is also a common word (مارس، آب، نيسان، ماي، جوان) needs a day, a year, a modifier or "شهر";</item>
/// <item>a bare four-digit number is a year only in 1800–2100 and when a neighbour word says so ("في 2015",
/// "2015 دون") or punctuation or a clitic و touches it, and never as part of a decimal or a list of digits;</item>
/// <item>a bare weekday after a word of schedule ("المقرر", "سوف", "المتوقع") in the same sentence lies ahead (or is today);</item>
/// <item>a weekday in brackets after a deictic is its own expression ("اليوم (الخميس)"); "ليل السبت - الأحد" is one night;</item>
/// <item>a month takes a year written "عام 2015" or named "من هذا العام"/"من العام الماضي";</item>
/// <item>a part of day alone ("مساء"), a clock time without a day and a counted day ("اليوم الثالث", "لليوم الرابع")
/// take the day the text last named (see <see cref="TimeResolver"/>);</item>
/// <item>a plural span with a count is a duration ("السنوات الثلاث الأخيرة"), without one a vague reference
/// ("الأسابيع الأخيرة" PAST_REF, "الأيام المقبلة" FUTURE_REF);</item>
/// <item>a count of years that is an age ("(21 عاما)", "أعمارهم بين 14 و30 عاما") is no duration;</item>
/// <item>centuries ("القرن العشرين" 19) and seasons with evidence (a year, a relation, فصل or a modifier; "شهور
/// الصيف" recurs) are dates;</item>
/// <item>a part of day right after a day joins it ("12/31/2023 مساء");</item>
/// <item>اليوم alone is "today" unless a definite adjective, a relative pronoun or a demonstrative makes it "the day";</item>
/// <item>a singular unit counts only with واحد, an approximator or قبل ("حوالي يوم"); a plural unit needs a count,
/// or a signal of time before it ("قبل ساعات", "منذ عقود", "خلال أيام");</item>
/// <item>"قبل N unit" is a date N units back, unless من/على/عن anchors it on an event (then a duration, as is
/// "بعد أسبوع من …"); "قبل يوم الأحد" is the weekday, not a day back;</item>
/// <item>"بين 3 و5 كانون الثاني" and "3-5 كانون الثاني" give two dates that share month and year;</item>
/// <item>a numeric date is read day-month-year (the Arab convention), month-day only when the day cannot be a month;
/// a year in 1300–1600 makes it a Hijri date ("19/6/1436").</item>
/// </list>
/// </summary>
public sealed class TimeExtractor
{
    private static readonly Lazy<TimeExtractor> DefaultExtractor = new(() => new TimeExtractor(TimeLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TimeLexicon _lex;
    private readonly ProcliticTable _proclitics;

    public TimeExtractor(TimeLexicon lexicon, ProcliticTable? proclitics = null)
    {
        _lex = lexicon;
        _proclitics = proclitics ?? ProcliticTable.Default;
    }

    public static TimeExtractor Default => DefaultExtractor.Value;

    /// <summary>The time expressions of <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<TimeExpression> Extract(string text) => Extract(text, ArabicNormalizer.NormalizeWithMap(text));

    /// <summary>The time expressions of <paramref name="text"/>, reusing its normalized form.</summary>
    public IReadOnlyList<TimeExpression> Extract(string text, NormalizedText normalized)
    {
        _lex.TextRead();
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

    private bool IsProclitic(char c) => _proclitics.IsLetter(c);

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
            "clock" or "clock_pod" => ReadClock(reader, name),
            "pod_day" or "pod_deictic" or "deictic_weekday" or "weekday" or "deictic" => ReadDay(reader, name, s, at, end),
            "pod_alone" => new TimeExpression(default, kind, name) { PartOfDay = reader.PartOfDay("podadv"), DayOffset = 0, Anchored = true },
            "nth_day" => ReadNth(reader, name),
            "relative" => ReadRelative(reader, name),
            "span" => ReadSpan(reader, name, ref kind),
            "ago" or "after" or "duration" => ReadDuration(reader, name, s, at, end, ref spanStart, ref kind),
            "century" => ReadCentury(reader, name),
            "season" => ReadSeason(reader, name, s, at, end, ref kind),
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

        var span = MapSpan(text, norm, spanStart, end);
        if (name == "pod_alone" && found.Count > 0 && found[^1] is { PartOfDay: null, Hour: null } day
            && (day.Day is not null || day.Weekday is not null || day.DayOffset is not null) && day.Kind == TimeKind.Date
            && span.Start >= day.Span.End && text.AsSpan(day.Span.End, span.Start - day.Span.End).IsWhiteSpace())
        {
            // "12/31/2023 مساء", "الخميس ليلا": the part of day belongs to the day before it.
            found[^1] = day with { Span = new TextSpan(day.Span.Start, span.End), PartOfDay = expr.PartOfDay, Kind = TimeKind.Time };
            return end;
        }

        found.Add(expr with { Span = span, Kind = kind });
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
        var yearShift = YearShift(r);
        if (r.Has("month2") && r.Month("month2") != month)
        {
            // "يناير - فبراير" is two months, not one month in two naming systems: keep the first alone.
            var g = r.Group("month");
            end = g.Index + g.Length;
            year = null;
            yearShift = null;
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
        if (rule == "my" && mod is null && !r.Has("mword") && year is null && yearShift is null && relation == TimeRelation.None
            && !r.Has("month2") && !_lex.BareMonths.Contains(r.Key("month")))
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule) { Day = day, Month = month, Year = year, YearShift = yearShift, Relation = relation, Mod = mod };
    }

    /// <summary>The publication year's shift named after a month or season: "من هذا العام" 0, "من العام الماضي" −1.</summary>
    private static int? YearShift(MatchReader r)
    {
        var relation = r.Has("yrelpre") ? r.Relation("yrelpre") : r.Has("yrel") ? r.Relation("yrel") : (TimeRelation?)null;
        return relation switch
        {
            null => null,
            TimeRelation.Past => -1,
            TimeRelation.Next => 1,
            _ => 0,
        };
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

    /// <summary>A word of <paramref name="role"/> among the <paramref name="words"/> words before, in the same sentence.</summary>
    private bool RoleBefore(string role, string s, int start, int words)
    {
        var pos = start;
        for (var n = 0; n < words; n++)
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

            if (HasRoleAfterProclitics(role, s.AsSpan(b, e - b)))
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
            Anchored = !r.Has("deictic") && !r.Has("weekday"),
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
        // A schedule word governs its clause, which in news often runs a dozen words to the day it schedules
        // ("ومن المقرر أن تصل الاحتجاجات، التي …، إلى ذروتها الثلاثاء").
        if (weekday is not null && offset is null && relation == TimeRelation.None && RoleBefore("future", s, start, 12))
        {
            // "ومن المقرر أن يصل الوفد الأحد": a scheduled day lies ahead, or is today.
            relation = TimeRelation.Ahead;
        }

        return new TimeExpression(default, TimeKind.Date, rule)
        {
            DayOffset = offset,
            Weekday = weekday,
            PartOfDay = r.PartOfDay("pod"),
            Relation = relation,
        };
    }

    private TimeExpression? ReadRelative(MatchReader r, string rule)
    {
        var period = r.Period("period");
        var relation = r.Has("relpre") ? r.Relation("relpre") : r.Relation("rel");
        if (period is null || period.Value.Count != 1)
        {
            return null;
        }

        var mod = r.Modifier("mod");
        var weekend = period.Value.Unit == TimeUnit.Week && mod == "END" && _lex.HasRole("weekend", Marsad.Arabic.ArabicNormalizer.Normalize(r.Text("mod")));
        return new TimeExpression(default, TimeKind.Date, rule) { Unit = period.Value.Unit, Relation = relation, Mod = weekend ? null : mod, Weekend = weekend };
    }

    /// <summary>
    /// "السنوات الثلاث الأخيرة", "اليومين الماضيين": a counted span is a duration; "الأسابيع الأخيرة", "الأيام
    /// المقبلة" count nothing and only place the span before or after now (PAST_REF, FUTURE_REF).
    /// </summary>
    private static TimeExpression? ReadSpan(MatchReader r, string rule, ref TimeKind kind)
    {
        var period = r.Period("period");
        if (period is null)
        {
            return null;
        }

        var count = r.Has("numpost") ? r.Number("numpost") : null;
        if (period.Value.Count == 2)
        {
            count = 2;
        }

        var relation = r.Relation("rel");
        if (count is not null)
        {
            return new TimeExpression(default, TimeKind.Duration, rule) { Unit = period.Value.Unit, Quantity = count, Relation = relation };
        }

        var value = relation switch
        {
            TimeRelation.Past => "PAST_REF",
            TimeRelation.Next => "FUTURE_REF",
            TimeRelation.This => "PRESENT_REF",
            _ => null,
        };
        if (value is null)
        {
            return null;
        }

        kind = TimeKind.Date;
        return new TimeExpression(default, TimeKind.Date, rule) { FixedValue = value };
    }

    /// <summary>"اليوم الثالث" (of the protests), "لليوم الثاني", "اليوم الأخير", "العام الرابع": a period counted from an event.</summary>
    private static TimeExpression? ReadNth(MatchReader r, string rule)
    {
        var day = r.Text("nthunit").EndsWith("يوم", StringComparison.Ordinal);
        if (!day && r.Has("nthlast"))
        {
            // "العام الأخير" is the last year, a relative period, not a count.
            return null;
        }

        // The counted day is the day the text speaks of; the counted year is the current one.
        return new TimeExpression(default, TimeKind.Date, rule)
        {
            Unit = day ? TimeUnit.Day : TimeUnit.Year,
            Relation = TimeRelation.This,
            Anchored = day,
        };
    }

    /// <summary>"القرن العشرين", "القرن الـ19": TIMEX3 century values count hundreds ("19" is the twentieth).</summary>
    private static TimeExpression? ReadCentury(MatchReader r, string rule)
    {
        var n = r.Has("ordday") ? r.Ordinal("ordday") : r.Has("num") ? r.Int("num") : null;
        if (n is null or < 1 or > 21)
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule)
        {
            FixedValue = (n.Value - 1).ToString("00", CultureInfo.InvariantCulture),
            Mod = r.Modifier("mod"),
        };
    }

    /// <summary>
    /// A season is a time with evidence: a year ("صيف 2018"), a relation ("الشتاء الماضي", "من هذا العام"),
    /// فصل/موسم or a modifier ("أواخر الصيف"); a bare "في الربيع" is too often generic ("يقام سنويا في الربيع").
    /// "شهور الصيف" recurs (SET). A season followed by a nisba adjective is a name ("الربيع العربي").
    /// </summary>
    private TimeExpression? ReadSeason(MatchReader r, string rule, string s, int start, int end, ref TimeKind kind)
    {
        if (!TimeLexicon.TryLookup(_lex.Seasons, r.Text("season"), out var code))
        {
            return null;
        }

        if (r.Has("sset"))
        {
            kind = TimeKind.Set;
            return new TimeExpression(default, TimeKind.Set, rule) { FixedValue = "XXXX-" + code };
        }

        int? year = r.Has("year") ? r.Int("year") : null;
        var shift = YearShift(r);
        var relation = r.Relation("rel");
        var anchored = year is not null || shift is not null || relation != TimeRelation.None;
        var definite = r.Text("season").StartsWith('ا') || r.Text("season").StartsWith('ل');
        if (!anchored && (!definite || !r.Has("sword") && !r.Has("mod")))
        {
            return null;
        }

        var next = NextWord(s, end, out var punct);
        if (!anchored && !punct && next.StartsWith("ال") && (next.EndsWith("ي") || next.EndsWith("يه")))
        {
            return null;
        }

        return new TimeExpression(default, TimeKind.Date, rule) { Season = code, Year = year, YearShift = shift, Relation = relation, Mod = r.Modifier("mod") };
    }

    private TimeExpression? ReadDuration(MatchReader r, string rule, string s, int start, int end, ref int spanStart, ref TimeKind kind)
    {
        var unit = r.Unit("unit");
        if (unit is null)
        {
            return null;
        }

        var ago = rule == "ago";
        var after = rule == "after";
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
        else if (unit.Value.Count == 1 && (qmod is not null || ago || after))
        {
            quantity = 1;
        }
        else if (unit.Value.Count == 0 && (ago || after || HasRoleAfterProclitics("durprev", PreviousWord(s, start))))
        {
            // "قبل ساعات", "منذ عقود", "خلال أيام": an uncounted plural after a signal of time.
            vague = true;
        }
        else
        {
            return null;
        }

        if (quantity is <= 0)
        {
            return null;
        }

        var next = NextWord(s, end, out var punct, out var nextEnd);
        if ((ago || after) && quantity == 1 && !r.Has("num") && !r.Has("numword") && unit.Value.Unit == TimeUnit.Day && !punct
            && TimeLexicon.TryLookup(_lex.Weekdays, next.ToString(), out _))
        {
            // "قبل يوم الأحد المقبل": "before Sunday", the weekday is the expression.
            return null;
        }

        if (unit.Value.Unit == TimeUnit.Year && !ago && !after && IsAge(s, start, end))
        {
            return null;
        }

        if (ago || after)
        {
            if (!punct && _lex.HasRole("filler", next))
            {
                next = NextWord(s, nextEnd, out punct, out _);
            }

            if (!punct && _lex.HasRole("eventanchor", next))
            {
                // "قبل يومين من الانتخابات", "بعد أسبوع من إسقاط الطائرة": counted from an event, a duration.
                var signal = r.Group("ago");
                spanStart = NextWordStart(s, signal.Index + signal.Length);
                ago = false;
                kind = TimeKind.Duration;
            }
            else if (after)
            {
                // "بعد أسبوع" alone is left to the duration rule at its count, if it has one.
                return null;
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

    /// <summary>
    /// A count of years that is an age: in brackets alone after a name ("أنس قديح (21 عاما)"), after a word of age
    /// ("تتراوح أعمارهم بين 14 و30 عاما", "البالغ 40 عاما"), or before "من العمر".
    /// </summary>
    private bool IsAge(string s, int start, int end)
    {
        var b = start;
        while (b > 0 && char.IsWhiteSpace(s[b - 1]))
        {
            b--;
        }

        var e = end;
        while (e < s.Length && char.IsWhiteSpace(s[e]))
        {
            e++;
        }

        if (b > 0 && s[b - 1] == '(' && e < s.Length && s[e] == ')')
        {
            return true;
        }

        var next = NextWord(s, end, out var punct, out var nextEnd);
        if (!punct && next.SequenceEqual("من"))
        {
            var third = NextWord(s, nextEnd, out var punct2, out _);
            if (!punct2 && third.SequenceEqual("العمر"))
            {
                return true;
            }
        }

        return RoleBefore("age", s, start, 8);
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
    private static ReadOnlySpan<char> NextWord(string s, int end, out bool punctuation) => NextWord(s, end, out punctuation, out _);

    private static ReadOnlySpan<char> NextWord(string s, int end, out bool punctuation, out int wordEnd)
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

        wordEnd = e;
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
