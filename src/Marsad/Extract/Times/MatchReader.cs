using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Marsad.Extract.Times;

/// <summary>Reads the named groups of a time pattern match through the lexicon; a missing or unknown group reads as null.</summary>
internal readonly struct MatchReader
{
    private readonly Match _match;
    private readonly TimeLexicon _lex;

    public MatchReader(Match match, TimeLexicon lexicon)
    {
        _match = match;
        _lex = lexicon;
    }

    public Group Group(string name) => _match.Groups[name];

    public bool Has(string name) => _match.Groups[name].Success;

    public string Text(string name) => _match.Groups[name].Value;

    public int Int(string name) => int.Parse(_match.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    public int? Month(string name) => Lookup(_lex.Months, name);

    /// <summary>The matched month name as the lexicon writes it.</summary>
    public string Key(string name)
    {
        var text = Text(name);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public int? HijriMonth(string name) => Lookup(_lex.HijriMonths, name);

    public int? Ordinal(string name) => Lookup(_lex.Ordinals, name);

    public int? Deictic(string name) => Lookup(_lex.Deictics, name);

    public DayOfWeek? Weekday(string name) => Lookup(_lex.Weekdays, name);

    public string? PartOfDay(string name) => Has(name) && TimeLexicon.TryLookup(_lex.PartsOfDay, Text(name), out var v) ? v : null;

    public string? Modifier(string name) => Has(name) && TimeLexicon.TryLookup(_lex.Modifiers, Text(name), out var v) ? v : null;

    public TimeRelation Relation(string name) => Has(name) && TimeLexicon.TryLookup(_lex.Relations, Text(name), out var v) ? v : TimeRelation.None;

    public (TimeUnit Unit, int Count)? Unit(string name) => Has(name) && TimeLexicon.TryLookup(_lex.Units, Text(name), out var v) ? v : null;

    public (TimeUnit Unit, int Count)? Period(string name) => Has(name) && TimeLexicon.TryLookup(_lex.Periods, Text(name), out var v) ? v : null;

    /// <summary>The value of a number word; null when absent or vague (عدة، بضعة).</summary>
    public decimal? Number(string name) => Has(name) && TimeLexicon.TryLookup(_lex.NumberWords, Text(name), out var v) ? v : null;

    private T? Lookup<T>(FrozenDictionary<string, T> map, string name)
        where T : struct => Has(name) && TimeLexicon.TryLookup(map, Text(name), out var v) ? v : null;
}
