using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Marsad.Arabic;

namespace Marsad.Extract.Times;

/// <summary>
/// The time lexicons and patterns of <c>data/ar/time/</c>, loaded once and immutable: month names of every
/// region (the shared <c>data/ar/months.tsv</c>), Hijri months, weekdays, day deictics, parts of day, units,
/// periods, relation words, modifiers,
/// number words, ordinals, vague references, recurrence adverbs, decades, seasons, function words by role, and the rule
/// templates compiled into one regular expression per rule. Entries are stored in normalized form.
/// </summary>
public sealed class TimeLexicon
{
    private static readonly Lazy<TimeLexicon> DefaultLexicon = new(() => Load(System.IO.Path.GetDirectoryName(DataFiles.Path("ar", "time", "patterns.tsv"))!), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _starts;

    private readonly Dictionary<string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> _roles = new(StringComparer.Ordinal);

    private TimeLexicon(string dir, MonthNames monthNames)
    {
        string F(string name) => System.IO.Path.Combine(dir, name);

        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        var bareMonths = new HashSet<string>(StringComparer.Ordinal);
        var hijriMonths = new Dictionary<string, int>(StringComparer.Ordinal);
        var weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        var deictics = new Dictionary<string, int>(StringComparer.Ordinal);
        var partsOfDay = new Dictionary<string, string>(StringComparer.Ordinal);
        var units = new Dictionary<string, (TimeUnit Unit, int Count)>(StringComparer.Ordinal);
        var periods = new Dictionary<string, (TimeUnit Unit, int Count)>(StringComparer.Ordinal);
        var relations = new Dictionary<string, TimeRelation>(StringComparer.Ordinal);
        var modifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var numberWords = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var vague = new Dictionary<string, string>(StringComparer.Ordinal);
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        var decades = new Dictionary<string, string>(StringComparer.Ordinal);
        var seasons = new Dictionary<string, string>(StringComparer.Ordinal);

        // The month names are the project's one month table (data/ar/months.tsv), shared with the dateline parser.
        foreach (var m in monthNames.All)
        {
            if (months.TryAdd(m.Form, m.Month) && m.Bare)
            {
                bareMonths.Add(m.Form);
            }
        }

        foreach (var r in Rows(F("hijri_months.tsv"), 2))
        {
            hijriMonths[r[0]] = Int(r[1], r, 1, 12);
        }

        var weekdayForms = new List<string>();
        var weekdayIndefForms = new List<string>();
        foreach (var r in Rows(F("weekdays.tsv"), 3))
        {
            weekdays[r[0]] = (DayOfWeek)(Int(r[1], r, 1, 7) % 7);
            (r[2] == "yes" ? weekdayForms : weekdayIndefForms).Add(r[0]);
        }

        foreach (var r in Rows(F("deictics.tsv"), 2))
        {
            deictics[r[0]] = Int(r[1], r, -7, 7);
        }

        var podNouns = new List<string>();
        var podAdverbs = new List<string>();
        var podAlone = new List<string>();
        foreach (var r in Rows(F("parts_of_day.tsv"), 3))
        {
            partsOfDay[r[0]] = r[1];
            switch (r[2])
            {
                case "noun":
                    podNouns.Add(r[0]);
                    break;
                case "adverb":
                    podAdverbs.Add(r[0]);
                    podAlone.Add(r[0]);
                    break;
                case "clock":
                    podAdverbs.Add(r[0]);
                    break;
                default:
                    throw new InvalidDataException($"parts_of_day.tsv: use '{r[2]}' of '{r[0]}' is not one of noun, adverb, clock");
            }
        }

        foreach (var r in Rows(F("units.tsv"), 3))
        {
            units[r[0]] = (Unit(r[1], r), Int(r[2], r, 0, 2));
        }

        foreach (var r in Rows(F("periods.tsv"), 3))
        {
            periods[r[0]] = (Unit(r[1], r), Int(r[2], r, 0, 2));
        }

        var relPost = new List<string>();
        var relPre = new List<string>();
        foreach (var r in Rows(F("relations.tsv"), 3))
        {
            relations[r[0]] = Enum.Parse<TimeRelation>(r[1], ignoreCase: true);
            (r[2] == "pre" ? relPre : relPost).Add(r[0]);
        }

        var modPeriod = new List<string>();
        var modQty = new List<string>();
        foreach (var r in Rows(F("modifiers.tsv"), 3))
        {
            modifiers[r[0]] = r[1];
            (r[2] == "quantity" ? modQty : modPeriod).Add(r[0]);
        }

        var numPre = new List<string>();
        var numPost = new List<string>();
        foreach (var r in Rows(F("numbers.tsv"), 3))
        {
            numberWords[r[0]] = r[1] == "X" ? null : decimal.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture);
            if (r[2] is "pre" or "both")
            {
                numPre.Add(r[0]);
            }

            if (r[2] is "post" or "both")
            {
                numPost.Add(r[0]);
            }
        }

        foreach (var r in Rows(F("ordinals.tsv"), 2))
        {
            ordinals[r[0]] = Int(r[1], r, 1, 31);
        }

        foreach (var r in Rows(F("vague.tsv"), 2))
        {
            vague[r[0]] = r[1];
        }

        foreach (var r in Rows(F("sets.tsv"), 2))
        {
            sets[r[0]] = r[1];
        }

        foreach (var r in Rows(F("decades.tsv"), 2))
        {
            decades[r[0]] = r[1];
        }

        foreach (var r in Rows(F("seasons.tsv"), 2))
        {
            seasons[r[0]] = r[1] is "SP" or "SU" or "FA" or "WI"
                ? r[1]
                : throw new InvalidDataException($"seasons.tsv: season '{r[1]}' of '{r[0]}' is not one of SP, SU, FA, WI");
        }

        var roles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in Rows(F("keywords.tsv"), 2))
        {
            if (!roles.TryGetValue(r[1], out var list))
            {
                roles[r[1]] = list = [];
            }

            list.Add(r[0]);
        }

        foreach (var (role, words) in roles)
        {
            _roles[role] = new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["month"] = months.Keys.ToList(),
            ["hmonth"] = hijriMonths.Keys.ToList(),
            ["weekday"] = weekdayForms,
            ["weekday_indef"] = weekdayIndefForms,
            ["deictic"] = deictics.Keys.ToList(),
            ["pod"] = podNouns,
            ["podadv"] = podAdverbs,
            ["podalone"] = podAlone,
            ["unit"] = units.Keys.ToList(),
            ["period_one"] = periods.Where(p => p.Value.Count == 1).Select(p => p.Key).ToList(),
            ["period_many"] = periods.Where(p => p.Value.Count != 1).Select(p => p.Key).ToList(),
            ["rel_post"] = relPost,
            ["rel_pre"] = relPre,
            ["mod_period"] = modPeriod,
            ["mod_qty"] = modQty,
            ["numword_pre"] = numPre,
            ["numword_post"] = numPost,
            ["ordinal"] = ordinals.Keys.ToList(),
            ["vague"] = vague.Keys.ToList(),
            ["set"] = sets.Keys.ToList(),
            ["decade"] = decades.Keys.ToList(),
            ["season"] = seasons.Keys.ToList(),
        };
        foreach (var (role, words) in roles)
        {
            classes.TryAdd(role, words);
        }

        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = new List<(string Name, string Kind, string Starts, string Template)>();
        foreach (var raw in File.ReadLines(F("patterns.tsv"), System.Text.Encoding.UTF8))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (line[0] == '@' && f.Length == 2)
            {
                macros[f[0][1..]] = f[1];
            }
            else if (f.Length == 4)
            {
                rules.Add((f[0], f[1], f[2], f[3]));
            }
            else
            {
                throw new InvalidDataException($"patterns.tsv: expected 'rule<TAB>kind<TAB>starts<TAB>template' or '@MACRO<TAB>template', got '{line}'");
            }
        }

        if (rules.Count > 64)
        {
            throw new InvalidDataException($"patterns.tsv holds {rules.Count} rules; at most 64 are supported");
        }

        // Each rule is its own regex, tried only at words that can begin it (its "starts" classes): most words
        // of a text are no trigger at all, and a trigger word tries only its few rules.
        var compiled = new List<TimeRule>();
        var starts = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var (name, kind, startClasses, template) = rules[i];
            var pattern = @"\G" + TimePatternCompiler.Expand(template, macros, classes);
            compiled.Add(new TimeRule(name, Enum.Parse<Model.TimeKind>(kind, ignoreCase: true),
                new Regex(pattern, PatternOptions, TimePatternCompiler.MatchTimeout)));
            foreach (var c in startClasses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (c == "digit")
                {
                    DigitRules |= 1UL << i;
                    continue;
                }

                if (!classes.TryGetValue(c, out var forms))
                {
                    throw new InvalidDataException($"patterns.tsv rule '{name}' starts with unknown class '{c}'; known: digit, {string.Join(", ", classes.Keys)}");
                }

                foreach (var form in forms)
                {
                    var space = form.IndexOf(' ');
                    var first = space < 0 ? form : form[..space];
                    starts[first] = starts.GetValueOrDefault(first) | (1UL << i);
                }
            }
        }

        Months = months.ToFrozenDictionary(StringComparer.Ordinal);
        BareMonths = bareMonths.ToFrozenSet(StringComparer.Ordinal);
        HijriMonths = hijriMonths.ToFrozenDictionary(StringComparer.Ordinal);
        Weekdays = weekdays.ToFrozenDictionary(StringComparer.Ordinal);
        Deictics = deictics.ToFrozenDictionary(StringComparer.Ordinal);
        PartsOfDay = partsOfDay.ToFrozenDictionary(StringComparer.Ordinal);
        Units = units.ToFrozenDictionary(StringComparer.Ordinal);
        Periods = periods.ToFrozenDictionary(StringComparer.Ordinal);
        Relations = relations.ToFrozenDictionary(StringComparer.Ordinal);
        Modifiers = modifiers.ToFrozenDictionary(StringComparer.Ordinal);
        NumberWords = numberWords.ToFrozenDictionary(StringComparer.Ordinal);
        Ordinals = ordinals.ToFrozenDictionary(StringComparer.Ordinal);
        Vague = vague.ToFrozenDictionary(StringComparer.Ordinal);
        Sets = sets.ToFrozenDictionary(StringComparer.Ordinal);
        Decades = decades.ToFrozenDictionary(StringComparer.Ordinal);
        Seasons = seasons.ToFrozenDictionary(StringComparer.Ordinal);
        Rules = compiled;
        _starts = starts.GetAlternateLookup<ReadOnlySpan<char>>();

        _interpreted = compiled;
    }

    /// <summary>Texts read with the interpreted rules; past <see cref="CompileAfter"/> the rules are compiled.</summary>
    private int _texts;

    private IReadOnlyList<TimeRule>? _interpreted;

    /// <summary>
    /// A run that reads this many texts is a long one: its rules are worth compiling (seconds of a core). A process
    /// that analyzes an article or two never pays for it, and its loading is not slowed by it on a small machine.
    /// </summary>
    private const int CompileAfter = 8;

    /// <summary>Called by the extractor once per text.</summary>
    internal void TextRead()
    {
        if (_interpreted is not null && Interlocked.Increment(ref _texts) == CompileAfter
            && Interlocked.Exchange(ref _interpreted, null) is { } rules)
        {
            CompileInBackground(rules);
        }
    }

    private const RegexOptions PatternOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>
    /// Compiles the rules on a background thread and swaps each in once it has matched once (the first match compiles
    /// it to machine code, which can outlast the match timeout on a busy machine: a timeout there only means "not yet").
    /// Until then a rule matches interpreted, so a process that analyzes one article starts at once and a long run
    /// soon matches at full speed.
    /// </summary>
    private static void CompileInBackground(IReadOnlyList<TimeRule> rules)
    {
        var thread = new Thread(() =>
        {
            foreach (var rule in rules)
            {
                var compiled = new Regex(rule.Pattern.ToString(), PatternOptions | RegexOptions.Compiled, TimePatternCompiler.MatchTimeout);
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    try
                    {
                        compiled.Match("1 يناير 2024", 0);
                        rule.UseCompiled(compiled);
                        break;
                    }
                    catch (RegexMatchTimeoutException)
                    {
                    }
                }
            }
        })
        {
            IsBackground = true,
            Name = "time rules compiler",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
    }

    public static TimeLexicon Default => DefaultLexicon.Value;

    public FrozenDictionary<string, int> Months { get; }

    /// <summary>Month names that may stand alone; the others need a day, year, modifier or "شهر".</summary>
    public FrozenSet<string> BareMonths { get; }

    public FrozenDictionary<string, int> HijriMonths { get; }

    public FrozenDictionary<string, DayOfWeek> Weekdays { get; }

    public FrozenDictionary<string, int> Deictics { get; }

    public FrozenDictionary<string, string> PartsOfDay { get; }

    public FrozenDictionary<string, (TimeUnit Unit, int Count)> Units { get; }

    public FrozenDictionary<string, (TimeUnit Unit, int Count)> Periods { get; }

    public FrozenDictionary<string, TimeRelation> Relations { get; }

    public FrozenDictionary<string, string> Modifiers { get; }

    /// <summary>Number words and their values; null for a vague count (عدة، بضعة، قليلة).</summary>
    public FrozenDictionary<string, decimal?> NumberWords { get; }

    public FrozenDictionary<string, int> Ordinals { get; }

    public FrozenDictionary<string, string> Vague { get; }

    public FrozenDictionary<string, string> Sets { get; }

    /// <summary>Decade names and their TIMEX3 values ("التسعينيات" → 199).</summary>
    public FrozenDictionary<string, string> Decades { get; }

    /// <summary>Season names and their TIMEX3 codes ("الصيف" → SU).</summary>
    public FrozenDictionary<string, string> Seasons { get; }

    /// <summary>
    /// True when the word has the role in keywords.tsv, e.g. yearprev (words after which a bare four-digit
    /// number reads as a year: "في 2015"), yearnext ("2015 دون تعديل"), eventanchor, distal.
    /// </summary>
    public bool HasRole(string role, ReadOnlySpan<char> word) => _roles.TryGetValue(role, out var set) && set.Contains(word);

    /// <summary>The rules of patterns.tsv, in priority order.</summary>
    public IReadOnlyList<TimeRule> Rules { get; }

    /// <summary>The rules (bit i for <see cref="Rules"/>[i]) that may begin at a number.</summary>
    public ulong DigitRules { get; }

    /// <summary>The rules (bit i for <see cref="Rules"/>[i]) that may begin at this word; 0 for most words.</summary>
    public ulong RulesStartingWith(ReadOnlySpan<char> word) => _starts.TryGetValue(word, out var mask) ? mask : 0;

    /// <summary>Loads the lexicon from a folder holding the time data files, with the month names of <paramref name="months"/> (default: data/ar/months.tsv).</summary>
    public static TimeLexicon Load(string dir, MonthNames? months = null) => new(dir, months ?? MonthNames.Default);

    /// <summary>
    /// Looks a matched phrase up: runs of spaces count as one, and a phrase that starts with the ل of "لل…"
    /// is looked up with the article restored.
    /// </summary>
    public static bool TryLookup<T>(FrozenDictionary<string, T> map, string phrase, out T value)
    {
        var key = CollapseSpaces(phrase);
        if (map.TryGetValue(key, out value!))
        {
            return true;
        }

        return key.StartsWith("ل", StringComparison.Ordinal) && map.TryGetValue("ا" + key, out value!);
    }

    private static string CollapseSpaces(string s)
    {
        var needs = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != ' ' && char.IsWhiteSpace(s[i]) || s[i] == ' ' && i + 1 < s.Length && char.IsWhiteSpace(s[i + 1]))
            {
                needs = true;
                break;
            }
        }

        return needs ? string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : s;
    }

    private static IEnumerable<string[]> Rows(string path, int columns)
    {
        foreach (var r in TsvLexicon.ReadRows(path))
        {
            if (r.Length < columns)
            {
                throw new InvalidDataException($"{System.IO.Path.GetFileName(path)}: expected {columns} tab-separated columns, got '{string.Join("\\t", r)}'");
            }

            yield return r;
        }
    }

    private static int Int(string s, string[] row, int min, int max)
    {
        if (!int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw new InvalidDataException($"time lexicon row '{string.Join("\\t", row)}': '{s}' is not a number in {min}..{max}");
        }

        return v;
    }

    private static TimeUnit Unit(string code, string[] row) => code switch
    {
        "Y" => TimeUnit.Year,
        "M" => TimeUnit.Month,
        "W" => TimeUnit.Week,
        "D" => TimeUnit.Day,
        "H" => TimeUnit.Hour,
        "MIN" => TimeUnit.Minute,
        "DE" => TimeUnit.Decade,
        "CE" => TimeUnit.Century,
        _ => throw new InvalidDataException($"time lexicon row '{string.Join("\\t", row)}': unit '{code}' is not one of Y, M, W, D, H, MIN, DE, CE"),
    };
}
