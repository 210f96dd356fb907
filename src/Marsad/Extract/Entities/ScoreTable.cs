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
        // Rows follow the first model's keys, then the keys only later models have.
        var first = new FeatureIndex(models[0].Keys);
        var union = new List<ulong>(models[0].Keys);
        var rowOf = new int[models.Count][];
        rowOf[0] = Enumerable.Range(0, models[0].Keys.Length).ToArray();
        for (var m = 1; m < models.Count; m++)
        {
            var keys = models[m].Keys;
            rowOf[m] = new int[keys.Length];
            for (var f = 0; f < keys.Length; f++)
            {
                var row = first.Find(keys[f]);
                if (row < 0)
                {
                    row = union.Count;
                    union.Add(keys[f]);
                }

                rowOf[m][f] = row;
            }
        }

        _index = models.Count == 1 ? first : new FeatureIndex(union.ToArray());
        var width = Models * tags;
        _weights = new float[union.Count * width];
        for (var m = 0; m < Models; m++)
        {
            var weights = models[m].Weights;
            var rows = rowOf[m];
            for (var f = 0; f < rows.Length; f++)
            {
                weights.AsSpan(f * tags, tags).CopyTo(_weights.AsSpan((rows[f] * width) + (m * tags), tags));
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
