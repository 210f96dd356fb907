using Marsad.Model;

namespace Marsad.Monitoring;

/// <summary>
/// The sentence of a text around a span, for an alert's quote: from the sentence end before the span (. ! ? ؟ or a line
/// break) to the one after it, trimmed; a sentence longer than <see cref="MaxLength"/> characters is cut around the
/// span and marked with "…".
/// </summary>
public static class QuoteSentence
{
    public const int MaxLength = 400;

    /// <summary>The sentence around a span: from the sentence end before it to the one after it (included).</summary>
    public static TextSpan Bounds(string text, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var from = start;
        while (from > 0 && !Ends(text, from - 1))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && !Ends(text, to))
        {
            to++;
        }

        if (to < text.Length && text[to] != '\n' && text[to] != '\r')
        {
            to++;
        }

        return new TextSpan(from, to);
    }

    public static string Around(string text, TextSpan span)
    {
        var (from, to) = Bounds(text, span);
        var start = Math.Clamp(span.Start, from, to);
        var end = Math.Clamp(span.End, start, to);
        var cutStart = false;
        var cutEnd = false;
        if (to - from > MaxLength)
        {
            var half = Math.Max(0, (MaxLength - (end - start)) / 2);
            var a = Math.Max(from, start - half);
            var b = Math.Min(to, Math.Max(end + half, a + MaxLength));
            (cutStart, cutEnd) = (a > from, b < to);
            (from, to) = (a, b);
        }

        var sentence = text[from..to].Trim();
        return (cutStart ? "…" : "") + sentence + (cutEnd ? "…" : "");
    }

    // A full stop ends a sentence only before a space or the end (not inside 2.5 or a URL).
    private static bool Ends(string text, int i) => text[i] switch
    {
        '!' or '?' or '؟' or '\n' or '\r' => true,
        '.' => i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };
}
