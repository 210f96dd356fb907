namespace Marsad.Corpus;

/// <summary>A sparse vector over feature ids, sorted by id, for dot products by merging.</summary>
internal readonly struct SparseVector
{
    public SparseVector(int[] ids, float[] weights)
    {
        Ids = ids;
        Weights = weights;
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public int Count => Ids?.Length ?? 0;

    public double Norm()
    {
        var sum = 0.0;
        foreach (var w in Weights)
        {
            sum += (double)w * w;
        }

        return Math.Sqrt(sum);
    }

    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            var a = Ids[i];
            var b = other.Ids[j];
            if (a == b)
            {
                sum += (double)Weights[i++] * other.Weights[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>Builds a vector from (id, weight) pairs, summing repeated ids, scaled to unit length.</summary>
    public static SparseVector UnitFrom(IEnumerable<(int Id, double Weight)> pairs)
    {
        var map = new SortedDictionary<int, double>();
        foreach (var (id, w) in pairs)
        {
            map[id] = map.TryGetValue(id, out var v) ? v + w : w;
        }

        var norm = Math.Sqrt(map.Values.Sum(w => w * w));
        var ids = new int[map.Count];
        var weights = new float[map.Count];
        var k = 0;
        foreach (var (id, w) in map)
        {
            ids[k] = id;
            weights[k++] = norm > 0 ? (float)(w / norm) : 0f;
        }

        return new SparseVector(ids, weights);
    }

    /// <summary>Builds a vector from (id, weight) pairs as they are (not scaled), summing repeated ids.</summary>
    public static SparseVector From(IEnumerable<(int Id, float Weight)> pairs)
    {
        var map = new SortedDictionary<int, float>();
        foreach (var (id, w) in pairs)
        {
            map[id] = map.TryGetValue(id, out var v) ? v + w : w;
        }

        return new SparseVector([.. map.Keys], [.. map.Values]);
    }

    /// <summary>The sum of two vectors, keeping the <paramref name="keep"/> heaviest entries (ties: smaller id).</summary>
    public static SparseVector Add(SparseVector a, SparseVector b, int keep)
    {
        var ids = new List<int>(a.Count + b.Count);
        var weights = new List<float>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a.Ids[i] < b.Ids[j]))
            {
                ids.Add(a.Ids[i]);
                weights.Add(a.Weights[i++]);
            }
            else if (i >= a.Count || b.Ids[j] < a.Ids[i])
            {
                ids.Add(b.Ids[j]);
                weights.Add(b.Weights[j++]);
            }
            else
            {
                ids.Add(a.Ids[i]);
                weights.Add(a.Weights[i++] + b.Weights[j++]);
            }
        }

        if (ids.Count > keep)
        {
            var order = Enumerable.Range(0, ids.Count).OrderByDescending(k => weights[k]).ThenBy(k => ids[k]).Take(keep).Order().ToArray();
            return new SparseVector(order.Select(k => ids[k]).ToArray(), order.Select(k => weights[k]).ToArray());
        }

        return new SparseVector([.. ids], [.. weights]);
    }
}
