namespace Marsad.Arabic;

/// <summary>Settings of <see cref="CliticSegmenter"/>.</summary>
/// <param name="MinStemCount">The corpus count a remainder needs to count as a known word (the frequency list keeps counts of 3 and more).</param>
/// <param name="MinArticleStem">An article is stripped without corpus evidence when the stem has at least this many letters.</param>
public sealed record CliticSegmenterOptions(int MinStemCount = 5, int MinArticleStem = 3);
