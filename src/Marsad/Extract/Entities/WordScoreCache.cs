namespace Marsad.Extract.Entities;

/// <summary>
/// Per-word partial emission scores of one tagger, for one thread. Most of a token's features read one token only —
/// the word itself or the neighbour at a fixed offset — so their weights are summed once per distinct word and
/// position (own, −1, −2, +1, +2) and reused; only the features that read two tokens are looked up per position.
/// Rules:
/// <list type="bullet">
/// <item>an entry holds the word's <see cref="NerToken"/> and, for each model (the sentence pass and the document
/// pass), five score rows of the tag count;</item>
/// <item>the sentence edges have their own rows (a missing neighbour fires "&lt;s&gt;"/"&lt;/s&gt;" features);</item>
/// <item>entries live in two generations of at most <see cref="Capacity"/> words each: a word is looked up in the new
/// one, then in the old one (and copied forward); when the new one is full it becomes the old one and the old one is
/// dropped. Memory stays bounded while the words of a stream that keep coming back stay hot (on news, this keeps
/// about as many hits as one table twice the size that starts over when full).</item>
/// </list>
/// </summary>
internal sealed class WordScoreCache
{
    public const int Capacity = 1 << 16;

    /// <summary>Rows per entry: own, as the previous word, as the next word, as the word two back, two ahead.</summary>
    public const int Own = 0;
    public const int AsPrev = 1;
    public const int AsNext = 2;
    public const int AsPrev2 = 3;
    public const int AsNext2 = 4;
    private const int Rows = 5;

    private readonly NerFeatureExtractor _extractor;
    private readonly ScoreTable _table;
    private readonly int _tags;
    private readonly int _models;
    private readonly int _entry;
    /// <summary>The neighbour offset each row reads (own: 0).</summary>
    private static readonly int[] RowOffsets = [0, -1, 1, -2, 2];

    private readonly List<ulong> _keys = new(128);
    private readonly int[] _ends = new int[Rows];
    private int[] _found = new int[256];
    private readonly float[] _edges;
    private readonly int _capacity;
    private Generation _new;
    private Generation _old;
    private int _generation;

    public WordScoreCache(NerFeatureExtractor extractor, ScoreTable table, int capacity = Capacity)
    {
        _capacity = capacity;
        _extractor = extractor;
        _table = table;
        _tags = table.Tags;
        _models = table.Models;
        _entry = _models * Rows * _tags;
        _new = new Generation(_entry);
        _old = new Generation(_entry);

        // Rows for the edges: what a token at the start or end of a sentence fires about its missing neighbours.
        _edges = new float[_models * 4 * _tags];
        for (var e = 0; e < 4; e++)
        {
            _keys.Clear();
            NerFeatureExtractor.EmitNeighbour(null, RowOffsets[e + 1], _keys);
            var found = _keys.Select(_table.Find).ToArray();
            Add(found, _edges, e * _tags, 4 * _tags);
        }
    }

    /// <summary>The row of a missing neighbour: offset −1, +1, −2 or +2 (as <see cref="AsPrev"/> … <see cref="AsNext2"/>).</summary>
    public ReadOnlySpan<float> EdgeRow(int model, int row) => _edges.AsSpan((((model * 4) + row - 1) * _tags), _tags);

    /// <summary>
    /// Makes room for the words of one sentence: when they might not fit, or the owner asked for a fresh start
    /// (a new <paramref name="generation"/>), the cache starts over, so the slots handed out for one sentence stay
    /// valid until the next call.
    /// </summary>
    public void Reserve(int words, int generation)
    {
        if (generation != _generation)
        {
            _new.Clear();
            _old.Clear();
            _generation = generation;
        }
        else if (_new.Count + words > _capacity)
        {
            (_old, _new) = (_new, _old);
            _new.Clear();
        }
    }

    /// <summary>The entry of <paramref name="word"/>, computed on first sight (call <see cref="Reserve"/> first).</summary>
    public int Slot(string word)
    {
        var current = _new;
        if (current.Slots.TryGetValue(word, out var slot))
        {
            return slot;
        }

        slot = current.Add(word);
        if (_old.Slots.TryGetValue(word, out var previous))
        {
            current.Tokens[slot] = _old.Tokens[previous];
            _old.Scores.AsSpan(previous * _entry, _entry).CopyTo(current.Scores.AsSpan(slot * _entry, _entry));
            return slot;
        }

        var token = _extractor.Describe(word);
        current.Tokens[slot] = token;
        var at = slot * _entry;

        // All five rows' keys first, then one sweep of lookups, so the table's cache misses overlap.
        _keys.Clear();
        NerFeatureExtractor.EmitIdentity(token, _keys);
        NerFeatureExtractor.EmitOwn(token, _keys);
        _ends[Own] = _keys.Count;
        for (var r = AsPrev; r <= AsNext2; r++)
        {
            NerFeatureExtractor.EmitNeighbour(token, RowOffsets[r], _keys);
            _ends[r] = _keys.Count;
        }

        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_keys);
        if (_found.Length < keys.Length)
        {
            _found = new int[keys.Length * 2];
        }

        for (var k = 0; k < keys.Length; k++)
        {
            _found[k] = _table.Find(keys[k]);
        }

        var from = 0;
        for (var r = Own; r <= AsNext2; r++)
        {
            Add(_found.AsSpan(from, _ends[r] - from), current.Scores, at + (r * _tags), Rows * _tags);
            from = _ends[r];
        }

        return slot;
    }

    public ref readonly NerToken Token(int slot) => ref _new.Tokens[slot];

    public ReadOnlySpan<float> Row(int slot, int model, int row) => _new.Scores.AsSpan((slot * _entry) + (((model * Rows) + row) * _tags), _tags);

    /// <summary>
    /// Adds every model's weights of <paramref name="keys"/> to the rows in <paramref name="target"/> that start at
    /// <paramref name="at"/> (model 0), <paramref name="at"/> + <paramref name="stride"/> (model 1).
    /// </summary>
    private void Add(ReadOnlySpan<int> found, float[] target, int at, int stride)
    {
        var t = _tags;
        foreach (var f in found)
        {
            for (var m = 0; f >= 0 && m < _models; m++)
            {
                var w = _table.Row(f, m);
                var row = target.AsSpan(at + (m * stride), t);
                for (var j = 0; j < t; j++)
                {
                    row[j] += w[j];
                }
            }
        }
    }

    /// <summary>One generation of entries: word → slot, and each slot's token and score rows.</summary>
    private sealed class Generation(int entry)
    {
        public Dictionary<string, int> Slots { get; } = new(StringComparer.Ordinal);

        public NerToken[] Tokens { get; private set; } = new NerToken[1024];

        public float[] Scores { get; private set; } = new float[1024 * entry];

        public int Count => Slots.Count;

        /// <summary>A new, zeroed slot for <paramref name="word"/>.</summary>
        public int Add(string word)
        {
            var slot = Slots.Count;
            if (slot == Tokens.Length)
            {
                var tokens = Tokens;
                var scores = Scores;
                Array.Resize(ref tokens, slot * 2);
                Array.Resize(ref scores, slot * 2 * entry);
                Tokens = tokens;
                Scores = scores;
            }

            Scores.AsSpan(slot * entry, entry).Clear();
            Slots[word] = slot;
            return slot;
        }

        public void Clear() => Slots.Clear();
    }
}
