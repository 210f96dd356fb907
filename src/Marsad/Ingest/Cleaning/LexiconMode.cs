namespace Marsad.Ingest.Cleaning;

/// <summary>How a boilerplate phrase matches a line key (the <c>mode</c> column of <c>phrases.tsv</c>).</summary>
public enum LexiconMode
{
    /// <summary>The whole line is the phrase.</summary>
    Line,

    /// <summary>The line starts with the phrase.</summary>
    Prefix,

    /// <summary>The line holds the phrase as whole words.</summary>
    Contains,

    /// <summary>The line is (or starts with) the phrase and opens a block of the same reason.</summary>
    Header,
}
