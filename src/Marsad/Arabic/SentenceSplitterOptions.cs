namespace Marsad.Arabic;

/// <summary>Settings of <see cref="SentenceSplitter"/>.</summary>
/// <param name="SemicolonEndsSentence">
/// Whether ؛ and ; end a sentence. Off by default: in Arabic news the semicolon mostly joins a clause to the cause
/// or detail that follows it, so both halves belong to one statement.
/// </param>
public sealed record SentenceSplitterOptions(bool SemicolonEndsSentence = false);
