using System.Diagnostics;

namespace Marsad.Extract.Entities;

/// <summary>
/// Learns hierarchical word clusters (Brown-style bit strings) from unlabeled text. Rules:
/// <list type="bullet">
/// <item>texts are split and normalized by <see cref="NerTextSplitter"/>; the most frequent words form the vocabulary,
/// every other word counts as one unknown word, and each text starts with a boundary word;</item>
/// <item>words are assigned to a fixed number of classes by a bidirectional predictive exchange algorithm (after
/// Uszkoreit and Brants 2008): each word moves to the class that most increases the likelihood of its class given
/// the previous word plus that of the class given the next word, until an iteration moves few words, the iteration
/// cap is reached or the time budget runs out;</item>
/// <item>the classes are then joined bottom-up (Ward linkage over the square roots of their left and right class
/// context distributions) into a binary tree; a word's bit string is its class's path from the root (0 = left, 1 = right).</item>
/// </list>
/// The exchange step costs (distinct bigrams × classes) per iteration, which the vocabulary size and token cap bound.
/// </summary>
public sealed class WordClusterBuilder
{
    private readonly WordClusterOptions _options;
    private readonly Action<string> _log;

    public WordClusterBuilder(WordClusterOptions options, Action<string> log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>Clusters the words of <paramref name="texts"/>; returns (bit string, word, count), most frequent first.</summary>
    public IReadOnlyList<(string Bits, string Word, long Count)> Build(IEnumerable<string> texts)
    {
        var clock = Stopwatch.StartNew();
        var budget = _options.TimeBudget > TimeSpan.Zero ? _options.TimeBudget : TimeSpan.FromMinutes(8);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var counts = new List<long>();
        var stream = new List<int>(1 << 20);
        var tokens = new List<string>();
        const int Boundary = -1;
        foreach (var text in texts)
        {
            if (stream.Count >= _options.MaxTokens)
            {
                break;
            }

            tokens.Clear();
            NerTextSplitter.Split(text, tokens);
            stream.Add(Boundary);
            foreach (var t in tokens)
            {
                if (!ids.TryGetValue(t, out var id))
                {
                    id = words.Count;
                    ids.Add(t, id);
                    words.Add(t);
                    counts.Add(0);
                }

                counts[id]++;
                stream.Add(id);
            }
        }

        _log($"read {stream.Count:N0} tokens, {words.Count:N0} distinct words in {clock.Elapsed.TotalSeconds:F0}s");

        // Vocabulary: the most frequent words; id V is the unknown word, V+1 the boundary.
        var order = Enumerable.Range(0, words.Count).OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var v = Math.Min(_options.VocabularySize, order.Length);
        var remap = new int[words.Count];
        Array.Fill(remap, v);
        for (var r = 0; r < v; r++)
        {
            remap[order[r]] = r;
        }

        var unk = v;
        var bos = v + 1;
        var n = v + 2;
        var k = Math.Min(_options.Classes, v);

        // Predecessor lists: for each word w, the distinct previous words and bigram counts.
        var bigrams = new Dictionary<long, int>(MixedLongComparer.Instance);
        var wordCount = new long[n];
        var prev = bos;
        foreach (var raw in stream)
        {
            var cur = raw == Boundary ? bos : remap[raw];
            if (raw != Boundary)
            {
                wordCount[cur]++;
                var key = ((long)cur << 32) | (uint)prev;
                bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
            }

            prev = cur;
        }

        stream.Clear();
        var predStart = new int[n + 1];
        foreach (var key in bigrams.Keys)
        {
            predStart[(int)(key >> 32) + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            predStart[i + 1] += predStart[i];
        }

        var predWord = new int[bigrams.Count];
        var predCount = new int[bigrams.Count];
        var fill = (int[])predStart.Clone();
        foreach (var (key, c) in bigrams)
        {
            var w = (int)(key >> 32);
            predWord[fill[w]] = (int)key;
            predCount[fill[w]] = c;
            fill[w]++;
        }

        // Successor lists: the same bigrams seen from the first word.
        var succStart = new int[n + 1];
        foreach (var key in bigrams.Keys)
        {
            succStart[(int)key + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            succStart[i + 1] += succStart[i];
        }

        var succWord = new int[bigrams.Count];
        var succCount = new int[bigrams.Count];
        fill = (int[])succStart.Clone();
        foreach (var (key, c) in bigrams)
        {
            var w = (int)key;
            succWord[fill[w]] = (int)(key >> 32);
            succCount[fill[w]] = c;
            fill[w]++;
        }

        bigrams.Clear();
        _log($"vocabulary {v:N0} words, {predWord.Length:N0} distinct bigrams, {k} classes");

        // Initial classes: round-robin over words by frequency; the boundary word is never a successor.
        var cls = new int[n];
        for (var w = 0; w < n; w++)
        {
            cls[w] = w % k;
        }

        // nvc[v, c]: word v followed by a word of class c; ncu[u, c]: a word of class c followed by word u.
        var nvc = new long[(long)n * k];
        var ncu = new long[(long)n * k];
        var nc = new long[k];
        for (var w = 0; w < n; w++)
        {
            nc[cls[w]] += wordCount[w];
            for (var p = predStart[w]; p < predStart[w + 1]; p++)
            {
                nvc[(long)predWord[p] * k + cls[w]] += predCount[p];
            }

            for (var p = succStart[w]; p < succStart[w + 1]; p++)
            {
                ncu[(long)succWord[p] * k + cls[w]] += succCount[p];
            }
        }

        var gain = new double[k];
        for (var iter = 1; iter <= _options.MaxIterations; iter++)
        {
            var moved = 0;
            for (var w = 0; w < n; w++)
            {
                if (w == bos || wordCount[w] == 0)
                {
                    continue;
                }

                var from = cls[w];
                nc[from] -= wordCount[w];
                Move(nvc, predStart, predWord, predCount, w, k, from, -1);
                Move(ncu, succStart, succWord, succCount, w, k, from, -1);
                for (var c = 0; c < k; c++)
                {
                    gain[c] = -2 * (XLogX(nc[c] + wordCount[w]) - XLogX(nc[c]));
                }

                AddGains(nvc, predStart, predWord, predCount, w, k, gain);
                AddGains(ncu, succStart, succWord, succCount, w, k, gain);

                var best = from;
                for (var c = 0; c < k; c++)
                {
                    if (gain[c] > gain[best] + 1e-9)
                    {
                        best = c;
                    }
                }

                if (best != from)
                {
                    moved++;
                }

                cls[w] = best;
                nc[best] += wordCount[w];
                Move(nvc, predStart, predWord, predCount, w, k, best, 1);
                Move(ncu, succStart, succWord, succCount, w, k, best, 1);
            }

            _log($"iteration {iter}: {moved:N0} words moved, {clock.Elapsed.TotalSeconds:F0}s");
            if (moved < v / 200 || clock.Elapsed > budget)
            {
                break;
            }
        }

        var bits = ClassPaths(cls, nvc, n, k, bos);
        var result = new List<(string, string, long)>(v);
        for (var r = 0; r < v; r++)
        {
            result.Add((bits[cls[r]], words[order[r]], counts[order[r]]));
        }

        _log($"done in {clock.Elapsed.TotalSeconds:F0}s");
        return result;
    }

    /// <summary>Adds (sign 1) or removes (sign -1) word w's bigrams to or from class c's column.</summary>
    private static void Move(long[] table, int[] start, int[] other, int[] count, int w, int k, int c, int sign)
    {
        for (var p = start[w]; p < start[w + 1]; p++)
        {
            table[(long)other[p] * k + c] += sign * count[p];
        }
    }

    /// <summary>The likelihood gain, for every class, of adding word w's bigrams to it.</summary>
    private static void AddGains(long[] table, int[] start, int[] other, int[] count, int w, int k, double[] gain)
    {
        for (var p = start[w]; p < start[w + 1]; p++)
        {
            var row = table.AsSpan((int)((long)other[p] * k), k);
            var add = count[p];
            for (var c = 0; c < row.Length; c++)
            {
                gain[c] += XLogX(row[c] + add) - XLogX(row[c]);
            }
        }
    }

    /// <summary>Joins classes bottom-up by the similarity of their contexts; returns each class's path from the root.</summary>
    private static string[] ClassPaths(int[] cls, long[] nvc, int n, int k, int bos)
    {
        // Context of class c: which classes precede it (left) and which follow it (right).
        var left = new double[k, k];
        var right = new double[k, k];
        for (var v = 0; v < n; v++)
        {
            var cv = v == bos ? -1 : cls[v];
            for (var c = 0; c < k; c++)
            {
                var x = nvc[(long)v * k + c];
                if (x == 0 || cv < 0)
                {
                    continue;
                }

                left[c, cv] += x;
                right[cv, c] += x;
            }
        }

        var vectors = new double[k][];
        for (var c = 0; c < k; c++)
        {
            var vec = new double[2 * k];
            double sl = 0, sr = 0;
            for (var j = 0; j < k; j++)
            {
                sl += left[c, j];
                sr += right[c, j];
            }

            for (var j = 0; j < k; j++)
            {
                // Hellinger-style square roots keep frequent contexts from dominating the cosine.
                vec[j] = sl > 0 ? Math.Sqrt(left[c, j] / sl) : 0;
                vec[k + j] = sr > 0 ? Math.Sqrt(right[c, j] / sr) : 0;
            }

            var norm = Math.Sqrt(vec.Sum(x => x * x));
            if (norm > 0)
            {
                for (var j = 0; j < vec.Length; j++)
                {
                    vec[j] /= norm;
                }
            }

            vectors[c] = vec;
        }

        // Ward linkage (Lance-Williams update of squared distances), which keeps the tree balanced; nodes 0..k-1 are
        // classes, later ids are merges. sim holds negated distances so the loop below merges the largest.
        var total = 2 * k - 1;
        var sim = new double[total, total];
        var size = new int[total];
        var alive = new List<int>();
        for (var a = 0; a < k; a++)
        {
            size[a] = 1;
            alive.Add(a);
            for (var b = 0; b < a; b++)
            {
                double d = 0;
                for (var j = 0; j < vectors[a].Length; j++)
                {
                    var diff = vectors[a][j] - vectors[b][j];
                    d += diff * diff;
                }

                sim[a, b] = sim[b, a] = -d;
            }
        }

        var children = new (int L, int R)[total];
        var next = k;
        while (alive.Count > 1)
        {
            int bi = 0, bj = 1;
            var best = double.NegativeInfinity;
            for (var i = 0; i < alive.Count; i++)
            {
                for (var j = i + 1; j < alive.Count; j++)
                {
                    var s = sim[alive[i], alive[j]];
                    if (s > best)
                    {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }

            int a1 = alive[bi], a2 = alive[bj];
            var m = next++;
            children[m] = (a1, a2);
            size[m] = size[a1] + size[a2];
            alive.RemoveAt(bj);
            alive.RemoveAt(bi);
            foreach (var o in alive)
            {
                var s = ((size[a1] + size[o]) * sim[a1, o] + (size[a2] + size[o]) * sim[a2, o] - size[o] * best) / (size[m] + size[o]);
                sim[m, o] = sim[o, m] = s;
            }

            alive.Add(m);
        }

        var paths = new string[k];
        var stack = new Stack<(int Node, string Path)>();
        stack.Push((alive.Count == 1 ? alive[0] : 0, k == 1 ? "0" : string.Empty));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node < k)
            {
                paths[node] = path.Length == 0 ? "0" : path;
                continue;
            }

            stack.Push((children[node].L, path + "0"));
            stack.Push((children[node].R, path + "1"));
        }

        return paths;
    }

    /// <summary>Word-pair keys pack two small ids; the default long hash (xor of halves) would collide massively.</summary>
    private sealed class MixedLongComparer : IEqualityComparer<long>
    {
        public static readonly MixedLongComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    private static readonly double[] XLogXTable = BuildTable(1 << 20);

    private static double XLogX(long x) => x < XLogXTable.Length ? (x <= 0 ? 0 : XLogXTable[x]) : x * Math.Log(x);

    private static double[] BuildTable(int size)
    {
        var t = new double[size];
        for (var i = 1; i < size; i++)
        {
            t[i] = i * Math.Log(i);
        }

        return t;
    }
}
