namespace Marsad.Extract.Events;

/// <summary>
/// A table of normalized one- or two-word forms to values, looked up with spans (no string per token). Two-word forms
/// are keyed by their first word, with the second word to check.
/// </summary>
public sealed class WordTable<T>
{
    private readonly Dictionary<string, T> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Second, T Value)>> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _singleLookup;
    private readonly Dictionary<string, List<(string Second, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _pairLookup;

    public WordTable(IEnumerable<KeyValuePair<string, T>> rows)
    {
        foreach (var (form, value) in rows)
        {
            var space = form.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                _single.TryAdd(form, value);
            }
            else
            {
                var first = form[..space];
                if (!_pairs.TryGetValue(first, out var list))
                {
                    _pairs[first] = list = [];
                }

                list.Add((form[(space + 1)..], value));
            }
        }

        _singleLookup = _single.GetAlternateLookup<ReadOnlySpan<char>>();
        _pairLookup = _pairs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _single.Count + _pairs.Count;

    public bool TryGet(ReadOnlySpan<char> word, out T value) => _singleLookup.TryGetValue(word, out value!);

    public bool Contains(ReadOnlySpan<char> word) => _singleLookup.ContainsKey(word);

    /// <summary>The value of the two-word form starting with <paramref name="first"/> and followed by <paramref name="second"/>.</summary>
    public bool TryGetPair(ReadOnlySpan<char> first, ReadOnlySpan<char> second, out T value)
    {
        if (_pairLookup.TryGetValue(first, out var list))
        {
            foreach (var (s, v) in list)
            {
                if (second.SequenceEqual(s))
                {
                    value = v;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }
}
