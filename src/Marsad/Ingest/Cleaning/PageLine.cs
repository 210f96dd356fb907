using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>One non-empty line of a page while the cleaner works on it.</summary>
internal sealed class PageLine
{
    public PageLine(string text, string key, LineShape shape)
    {
        Text = text;
        Key = key;
        Shape = shape;
    }

    public string Text { get; }

    public string Key { get; }

    public LineShape Shape { get; }

    public int Words => Shape.Words;

    /// <summary>Why the line goes, or null while it is kept.</summary>
    public RemovalReason? Reason { get; set; }

    /// <summary>Removed without a removal record (the headline moved to the title, a line that was only a placeholder).</summary>
    public bool Silent { get; set; }

    /// <summary>A header phrase ("اقرأ أيضا", "التعليقات") that may take the lines after it.</summary>
    public bool OpensBlock { get; set; }

    /// <summary>A short line holding an explicit date: content, never furniture.</summary>
    public bool IsDate { get; set; }

    public bool IsTitle { get; set; }

    public CaptionKind Caption { get; set; }

    /// <summary>Holds a cookie phrase but no consent cue: cookie notice only outside the body.</summary>
    public bool CookieCandidate { get; set; }

    /// <summary>Placeholders removed from inside the line.</summary>
    public List<Removal>? Inline { get; set; }

    public bool Kept => Reason is null;
}
