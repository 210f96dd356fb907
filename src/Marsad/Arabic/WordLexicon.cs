namespace Marsad.Arabic;

/// <summary>
/// A read-only set of normalized word forms with an integer per form (a count, a flag), looked up by span so a
/// token is checked without allocating a string. Immutable once built, so one instance serves every thread.
/// </summary>
public sealed class WordLexicon
{
    private readonly Dictionary<string, int> _entries;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordLexicon(IEnumerable<KeyValuePair<string, int>> entries)
    {
        _entries = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (form, value) in entries)
        {
            _entries[form] = value;
        }

        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly Lazy<WordLexicon> Frequencies = new(() => Load(DataFiles.Path("ar", "word-freq.tsv")));

    public static WordLexicon Empty { get; } = new([]);

    /// <summary>
    /// The word frequencies of <c>ar/word-freq.tsv</c>, loaded once for every reader of them (clitic segmentation, the
    /// search analyzer, story term weights, watchlist keywords): the largest of the word tables.
    /// </summary>
    public static WordLexicon WordFrequencies => Frequencies.Value;

    public int Count => _entries.Count;

    /// <summary>Reads a TSV data file whose first field is the form and whose optional second field is an integer (1 if absent).</summary>
    public static WordLexicon Load(string path)
    {
        var rows = TsvLexicon.ReadRows(path).Select(fields =>
        {
            var value = fields.Length > 1 && int.TryParse(fields[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 1;
            return new KeyValuePair<string, int>(fields[0], value);
        });
        return new WordLexicon(rows);
    }

    public bool Contains(ReadOnlySpan<char> form) => _lookup.ContainsKey(form);

    /// <summary>The form's value, or 0 when the form is absent.</summary>
    public int ValueOf(ReadOnlySpan<char> form) => _lookup.TryGetValue(form, out var v) ? v : 0;
}
