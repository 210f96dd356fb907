namespace Marsad.Extract.Entities;

/// <summary>
/// The weights of one or two models that read the same features (the sentence pass and the document pass), joined
/// under one key table: a key is looked up once and its row holds every model's weights side by side, so the
/// document pass reads the rows the first pass found instead of looking the same keys up again. Immutable.
/// </summary>
internal sealed class ScoreTable
{
    private readonly FeatureIndex _index;
    private readonly float[] _weights;

    public ScoreTable(IReadOnlyList<(ulong[] Keys, float[] Weights)> models, int tags)
    {
        Models = models.Count;
        Tags = tags;
        var rows = new Dictionary<ulong, int>();
        foreach (var (keys, _) in models)
        {
            foreach (var key in keys)
            {
                rows.TryAdd(key, rows.Count);
            }
        }

        var union = new ulong[rows.Count];
        foreach (var (key, row) in rows)
        {
            union[row] = key;
        }

        _index = new FeatureIndex(union);
        var width = Models * tags;
        _weights = new float[union.Length * width];
        for (var m = 0; m < Models; m++)
        {
            var (keys, weights) = models[m];
            for (var f = 0; f < keys.Length; f++)
            {
                weights.AsSpan(f * tags, tags).CopyTo(_weights.AsSpan((rows[keys[f]] * width) + (m * tags), tags));
            }
        }
    }

    public int Models { get; }

    public int Tags { get; }

    /// <summary>The row of <paramref name="key"/>, or -1 when no model has it.</summary>
    public int Find(ulong key) => _index.Find(key);

    /// <summary>The weights of model <paramref name="model"/> in row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row, int model) => _weights.AsSpan((((row * Models) + model) * Tags), Tags);
}
