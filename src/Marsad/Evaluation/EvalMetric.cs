namespace Marsad.Evaluation;

/// <summary>One score of an evaluation (e.g. <c>times_f1</c>), a fraction in [0, 1] or a count.</summary>
public sealed record EvalMetric(string Name, double Value);
