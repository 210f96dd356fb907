namespace Marsad.Extract.Actors;

/// <summary>
/// The earlier mentions a name can corefer with, indexed so that finding the nearest costs a few look-ups instead of a
/// pass over every mention of the document (quadratic in its length: minutes for a long text). A mention of n words is
/// found by each name it ends with (its last 1…n−1 words, same type) and, for a person, by its first word alone;
/// among several, the one that starts last wins, and among those starting together the first added. Mentions are
/// added in text order.
/// </summary>
internal sealed class AntecedentIndex
{
    private readonly Dictionary<string, (int Start, int Position, LinkedMention Linked)> _byKey = new(StringComparer.Ordinal);

    private int _added;

    public void Add(EntityMention mention, List<string> words, LinkedMention linked)
    {
        var position = _added++;
        for (var k = 1; k < words.Count; k++)
        {
            Put(Key(mention.Type, words, words.Count - k, k), (mention.Span.Start, position, linked));
        }

        if (mention.Type == "PER" && words.Count > 1)
        {
            Put(FirstWordKey(words[0]), (mention.Span.Start, position, linked));
        }
    }

    /// <summary>The nearest earlier, longer mention of the same type that ends with <paramref name="words"/> (or, for a one-word person, begins with it).</summary>
    public LinkedMention? Find(EntityMention mention, List<string> words)
    {
        _byKey.TryGetValue(Key(mention.Type, words, 0, words.Count), out var best);
        if (mention.Type == "PER" && words.Count == 1 && _byKey.TryGetValue(FirstWordKey(words[0]), out var first)
            && (best.Linked is null || first.Start > best.Start || (first.Start == best.Start && first.Position < best.Position)))
        {
            best = first;
        }

        return best.Linked;
    }

    private void Put(string key, (int Start, int Position, LinkedMention Linked) entry)
    {
        if (!_byKey.TryGetValue(key, out var old) || entry.Start > old.Start)
        {
            _byKey[key] = entry;
        }
    }

    private static string Key(string type, List<string> words, int start, int count) =>
        type + "\u0001" + string.Join('\u0002', words.GetRange(start, count));

    private static string FirstWordKey(string word) => "PER\u0003" + word;
}
