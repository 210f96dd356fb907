using System.Collections.Concurrent;

namespace Marsad.Extract.Entities;

/// <summary>
/// Per-word partial emission scores of one tagger, shared by every thread. Most of a token's features read one token
/// only — the word itself or the neighbour at a fixed offset — so their weights are summed once per distinct word and
/// position (own, −1, −2, +1, +2) and reused; only the features that read two tokens are looked up per position.
/// Rules:
/// <list type="bullet">
/// <item>an entry (<see cref="WordScores"/>) holds the word's <see cref="NerToken"/> and, for each model (the sentence
/// pass and the document pass), five score rows of the tag count; entries are immutable, so a thread keeps using the
/// ones it holds whatever the cache does meanwhile;</item>
/// <item>the sentence edges have their own rows (a missing neighbour fires "&lt;s&gt;"/"&lt;/s&gt;" features);</item>
/// <item>entries live in two generations of at most <see cref="Capacity"/> words each: a word is looked up in the new
/// one, then in the old one (and carried forward); when the new one is full it becomes the old one and the old one is
/// dropped. Memory stays bounded while the words of a stream that keep coming back stay hot (on news, this keeps
/// about as many hits as one table twice the size that starts over when full);</item>
/// <item>one cache for all threads, so a word costs its first sighting once, not once per thread; each thread keeps
/// its own plain dictionary of the entries it has used in front of it, which makes a hit as cheap as an unshared
/// table's.</item>
/// </list>
/// </summary>
internal sealed class WordScoreCache
{
    public const int Capacity = 1 << 16;

    /// <summary>Rows per entry and model: own, as the previous word, as the next word, as the word two back, two ahead.</summary>
    public const int Own = 0;
    public const int AsPrev = 1;
    public const int AsNext = 2;
    public const int AsPrev2 = 3;
    public const int AsNext2 = 4;
    private const int Rows = 5;

    /// <summary>The neighbour offset each row reads (own: 0).</summary>
    private static readonly int[] RowOffsets = [0, -1, 1, -2, 2];

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly NerFeatureExtractor _extractor;
    private readonly ScoreTable _table;
    private readonly int _tags;
    private readonly int _models;
    private readonly int _capacity;
    private readonly float[] _edges;
    private readonly object _turnover = new();
    private int _cleared;
    private readonly ThreadLocal<Local> _local = new(() => new Local());
    private volatile Generation _new = new();
    private volatile Generation _old = new();

    public WordScoreCache(NerFeatureExtractor extractor, ScoreTable table, int capacity = Capacity)
    {
        _capacity = capacity;
        _extractor = extractor;
        _table = table;
        _tags = table.Tags;
        _models = table.Models;

        // Rows for the edges: what a token at the start or end of a sentence fires about its missing neighbours.
        _edges = new float[_models * 4 * _tags];
        var keys = new List<ulong>();
        for (var e = 0; e < 4; e++)
        {
            keys.Clear();
            NerFeatureExtractor.EmitNeighbour(null, RowOffsets[e + 1], keys);
            Add(keys.Select(_table.Find).ToArray(), _edges, e * _tags, 4 * _tags);
        }
    }

    /// <summary>The row of a missing neighbour: offset −1, +1, −2 or +2 (as <see cref="AsPrev"/> … <see cref="AsNext2"/>).</summary>
    public ReadOnlySpan<float> EdgeRow(int model, int row) => _edges.AsSpan(((model * 4) + row - 1) * _tags, _tags);

    /// <summary>Row <paramref name="row"/> of model <paramref name="model"/> in an entry.</summary>
    public ReadOnlySpan<float> Row(WordScores entry, int model, int row) => entry.Rows.AsSpan(((model * Rows) + row) * _tags, _tags);

    /// <summary>Drops every entry (what a fresh process sees); entries already handed out stay valid.</summary>
    public void Clear()
    {
        lock (_turnover)
        {
            Interlocked.Increment(ref _cleared);
            _new = new Generation();
            _old = new Generation();
        }
    }

    /// <summary>This thread's view of the cache; call once per sentence and pass it to <see cref="Get"/>.</summary>
    public Local ForThread()
    {
        var local = _local.Value!;
        var cleared = Volatile.Read(ref _cleared);
        if (local.Cleared != cleared || local.Entries.Count > _capacity)
        {
            local.Entries.Clear();
            local.Cleared = cleared;
        }

        return local;
    }

    /// <summary>The entry of <paramref name="word"/>, computed on first sight.</summary>
    public WordScores Get(string word, Local local)
    {
        if (local.Entries.TryGetValue(word, out var entry))
        {
            return entry;
        }

        entry = GetShared(word);
        local.Entries[word] = entry;
        return entry;
    }

    private WordScores GetShared(string word)
    {
        var current = _new;
        if (current.Entries.TryGetValue(word, out var entry))
        {
            return entry;
        }

        if (!_old.Entries.TryGetValue(word, out entry))
        {
            entry = Compute(word);
        }

        if (Volatile.Read(ref current.Count) >= _capacity)
        {
            lock (_turnover)
            {
                if (_new == current)
                {
                    _old = current;
                    _new = new Generation();
                }

                current = _new;
            }
        }

        // Two threads may compute the same word at once: both results are equal, either is kept.
        if (current.Entries.TryAdd(word, entry))
        {
            Interlocked.Increment(ref current.Count);
        }

        return entry;
    }

    private WordScores Compute(string word)
    {
        var s = _scratch ??= new Scratch();
        var token = _extractor.Describe(word);
        var rows = new float[_models * Rows * _tags];

        // All five rows' keys first, then one sweep of lookups, so the table's cache misses overlap.
        s.Keys.Clear();
        NerFeatureExtractor.EmitIdentity(token, s.Keys);
        NerFeatureExtractor.EmitOwn(token, s.Keys);
        s.Ends[Own] = s.Keys.Count;
        for (var r = AsPrev; r <= AsNext2; r++)
        {
            NerFeatureExtractor.EmitNeighbour(token, RowOffsets[r], s.Keys);
            s.Ends[r] = s.Keys.Count;
        }

        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.Keys);
        if (s.Found.Length < keys.Length)
        {
            s.Found = new int[keys.Length * 2];
        }

        for (var k = 0; k < keys.Length; k++)
        {
            s.Found[k] = _table.Find(keys[k]);
        }

        var from = 0;
        for (var r = Own; r <= AsNext2; r++)
        {
            Add(s.Found.AsSpan(from, s.Ends[r] - from), rows, r * _tags, Rows * _tags);
            from = s.Ends[r];
        }

        return new WordScores(token, rows);
    }

    /// <summary>
    /// Adds every model's weights of the rows in <paramref name="found"/> to the rows of <paramref name="target"/>
    /// that start at <paramref name="at"/> (model 0), <paramref name="at"/> + <paramref name="stride"/> (model 1).
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

    /// <summary>One generation of entries, with its own count (a concurrent dictionary's Count takes every lock).</summary>
    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, WordScores> Entries = new(StringComparer.Ordinal);
        public int Count;
    }

    /// <summary>One thread's dictionary of the entries it has used.</summary>
    public sealed class Local
    {
        public Dictionary<string, WordScores> Entries { get; } = new(StringComparer.Ordinal);

        public int Cleared { get; set; }
    }

    private sealed class Scratch
    {
        public readonly List<ulong> Keys = new(128);
        public readonly int[] Ends = new int[Rows];
        public int[] Found = new int[256];
    }
}
