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
/// <item>the cache holds at most <see cref="Capacity"/> words and starts over when full, so memory stays bounded
/// while the frequent words of a stream stay hot.</item>
/// </list>
/// </summary>
internal sealed class WordScoreCache
{
    public const int Capacity = 1 << 18;

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
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<ulong> _keys = new(128);
    private static readonly int[] EdgeOffsets = [-1, 1, -2, 2];

    private readonly float[] _edges;
    private NerToken[] _tokens = new NerToken[1024];
    private int _generation;
    private float[] _scores;

    public WordScoreCache(NerFeatureExtractor extractor, ScoreTable table)
    {
        _extractor = extractor;
        _table = table;
        _tags = table.Tags;
        _models = table.Models;
        _entry = _models * Rows * _tags;
        _scores = new float[_tokens.Length * _entry];

        // Rows for the edges: what a token at the start or end of a sentence fires about its missing neighbours.
        _edges = new float[_models * 4 * _tags];
        for (var e = 0; e < 4; e++)
        {
            _keys.Clear();
            NerFeatureExtractor.EmitNeighbour(null, EdgeOffsets[e], _keys);
            Add(_keys, _edges, e * _tags, 4 * _tags);
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
        if (_slots.Count + words > Capacity || generation != _generation)
        {
            _slots.Clear();
            _generation = generation;
        }
    }

    /// <summary>The entry of <paramref name="word"/>, computed on first sight (call <see cref="Reserve"/> first).</summary>
    public int Slot(string word)
    {
        if (_slots.TryGetValue(word, out var slot))
        {
            return slot;
        }

        slot = _slots.Count;
        if (slot == _tokens.Length)
        {
            Array.Resize(ref _tokens, slot * 2);
            Array.Resize(ref _scores, slot * 2 * _entry);
        }

        var token = _extractor.Describe(word);
        _tokens[slot] = token;
        var at = slot * _entry;
        _scores.AsSpan(at, _entry).Clear();
        _keys.Clear();
        NerFeatureExtractor.EmitIdentity(token, _keys);
        NerFeatureExtractor.EmitOwn(token, _keys);
        Add(_keys, _scores, at + (Own * _tags), Rows * _tags);
        AddNeighbour(token, -1, at + (AsPrev * _tags));
        AddNeighbour(token, 1, at + (AsNext * _tags));
        AddNeighbour(token, -2, at + (AsPrev2 * _tags));
        AddNeighbour(token, 2, at + (AsNext2 * _tags));

        _slots[word] = slot;
        return slot;
    }

    public ref readonly NerToken Token(int slot) => ref _tokens[slot];

    public ReadOnlySpan<float> Row(int slot, int model, int row) => _scores.AsSpan((slot * _entry) + (((model * Rows) + row) * _tags), _tags);

    /// <summary>
    /// Adds every model's weights of <paramref name="keys"/> to the rows in <paramref name="target"/> that start at
    /// <paramref name="at"/> (model 0), <paramref name="at"/> + <paramref name="stride"/> (model 1).
    /// </summary>
    private void Add(List<ulong> keys, float[] target, int at, int stride)
    {
        var t = _tags;
        foreach (var key in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys))
        {
            var f = _table.Find(key);
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

    private void AddNeighbour(NerToken token, int offset, int at)
    {
        _keys.Clear();
        NerFeatureExtractor.EmitNeighbour(token, offset, _keys);
        Add(_keys, _scores, at, Rows * _tags);
    }
}
