namespace Marsad.Extract.Entities;

/// <summary>Bounds of the word-cluster computation: vocabulary, classes, iterations, tokens read and wall time.</summary>
public sealed record WordClusterOptions(
    int VocabularySize = 40_000,
    int Classes = 256,
    int MaxIterations = 12,
    long MaxTokens = 12_000_000,
    TimeSpan TimeBudget = default);
