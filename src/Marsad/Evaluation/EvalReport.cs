namespace Marsad.Evaluation;

/// <summary>The scores of one evaluation, in the order the reference scorer prints them.</summary>
public sealed class EvalReport
{
    private readonly List<EvalMetric> _metrics = [];

    public IReadOnlyList<EvalMetric> Metrics => _metrics;

    public double? this[string name] => _metrics.FirstOrDefault(m => m.Name == name)?.Value;

    public void Add(string name, double value) => _metrics.Add(new EvalMetric(name, value));

    /// <summary>The names of the bars that fail: a metric below its minimum, or missing.</summary>
    public IReadOnlyList<string> Failures(IReadOnlyDictionary<string, double> minimums) =>
        minimums.Where(kv => this[kv.Key] is not { } v || v < kv.Value).Select(kv => kv.Key).ToList();
}
