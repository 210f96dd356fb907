namespace Marsad.Arabic;

/// <summary>An approximator phrase of <c>data/ar/approximators.tsv</c>, as normalized words, and where it stands.</summary>
public sealed record Approximator(IReadOnlyList<string> Words, ApproximatorPosition Position);
