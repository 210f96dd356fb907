namespace Marsad.Arabic;

/// <summary>
/// The Arabic names of the Gregorian months of every regional series (Egyptian/Gulf يناير, Levantine كانون الثاني,
/// Maghrebi جانفي, Moroccan ينير, short forms كانون 2), read once from <c>data/ar/months.tsv</c>: the one month table
/// of the project, read by the dateline parser and the time lexicon alike. Forms are normalized
/// (<see cref="ArabicNormalizer"/>), so look them up with normalized text.
/// </summary>
public sealed class MonthNames
{
    private static readonly Lazy<MonthNames> DefaultInstance = new(() => Load(DataFiles.Path("ar", "months.tsv")));

    private readonly Dictionary<string, int> _byForm;

    private MonthNames(IReadOnlyList<MonthName> all)
    {
        All = all;
        _byForm = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in all)
        {
            _byForm.TryAdd(m.Form, m.Month);
        }
    }

    public static MonthNames Default => DefaultInstance.Value;

    public IReadOnlyList<MonthName> All { get; }

    public static MonthNames Load(string path)
    {
        var list = new List<MonthName>();
        foreach (var row in TsvLexicon.ReadRows(path))
        {
            if (row.Length < 5 || !int.TryParse(row[1], out var month) || month is < 1 or > 12 || row[4] is not ("yes" or "no"))
            {
                throw new InvalidDataException($"{System.IO.Path.GetFileName(path)}: expected form, month (1-12), region, kind, bare (yes/no); got '{string.Join('\t', row)}'");
            }

            list.Add(new MonthName(ArabicNormalizer.Normalize(row[0]), month, row[2], row[3], row[4] == "yes"));
        }

        return new MonthNames(list);
    }

    /// <summary>The month number of a normalized form ("كانون الثاني" → 1), or 0 when unknown. Inner spaces are collapsed.</summary>
    public int Lookup(ReadOnlySpan<char> normalizedForm)
    {
        var lookup = _byForm.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(normalizedForm, out var month))
        {
            return month;
        }

        var collapsed = string.Join(' ', normalizedForm.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return _byForm.TryGetValue(collapsed, out month) ? month : 0;
    }

    /// <summary>A regex alternation of every form, longest first, spaces matching any run of whitespace.</summary>
    public string Alternation() =>
        string.Join('|', All.Select(m => m.Form).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)
            .Select(f => System.Text.RegularExpressions.Regex.Escape(f).Replace("\\ ", "\\s*", StringComparison.Ordinal)));
}
