using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>A boilerplate phrase found in a line: why the line goes and how the phrase matched.</summary>
public readonly record struct LexiconMatch(RemovalReason Reason, LexiconMode Mode, string Phrase)
{
    /// <summary>True when the line is exactly the phrase (not just starting with it or holding it).</summary>
    public bool WholeLine { get; init; }
}
