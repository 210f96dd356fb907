namespace Marsad.Ingest;

/// <summary>One line of text taken from an HTML block, with how many of its letters sit inside links.</summary>
internal readonly record struct HtmlLine(string Text, int LinkChars, int TextChars)
{
    /// <summary>The share of the line's visible characters that are link text (0 for a line without links).</summary>
    public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;
}
