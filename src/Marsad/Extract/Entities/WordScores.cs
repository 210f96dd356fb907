namespace Marsad.Extract.Entities;

/// <summary>
/// What the tagger knows of one distinct word (see <see cref="WordScoreCache"/>): its <see cref="NerToken"/> and, per
/// model, five score rows — own, as the previous word, as the next word, as the word two back, two ahead. Immutable
/// once published, so threads share it.
/// </summary>
internal sealed class WordScores(NerToken token, float[] rows)
{
    public NerToken Token { get; } = token;

    /// <summary>Model-major, then row, then tag.</summary>
    public float[] Rows { get; } = rows;
}
