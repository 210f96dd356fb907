namespace Marsad.Model;

/// <summary>
/// The matching form of a document's text, with a map back to the original: <c>ToOriginal[i]</c> is
/// the offset in the original text of normalized character <c>i</c>, and <c>ToOriginal[Text.Length]</c>
/// is the original length, so a normalized span [s, e) maps to [ToOriginal[s], ToOriginal[e - 1] + 1).
/// </summary>
public sealed class NormalizedText
{
    public NormalizedText(string text, int[] toOriginal)
    {
        Text = text;
        ToOriginal = toOriginal;
    }

    public string Text { get; }

    public int[] ToOriginal { get; }

    /// <summary>Maps a span of the normalized text to the span of the original text it came from.</summary>
    public TextSpan MapToOriginal(int start, int end) =>
        end <= start ? new TextSpan(ToOriginal[start], ToOriginal[start]) : new TextSpan(ToOriginal[start], ToOriginal[end - 1] + 1);
}
