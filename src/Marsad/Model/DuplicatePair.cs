namespace Marsad.Model;

/// <summary>Two documents that are copies of one text with small edits; <see cref="Similarity"/> is the estimated Jaccard of their word shingles.</summary>
public sealed record DuplicatePair(string A, string B, double Similarity);
