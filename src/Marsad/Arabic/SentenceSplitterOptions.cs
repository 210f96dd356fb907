namespace Marsad.Arabic;

/// <summary>Settings of <see cref="SentenceSplitter"/>.</summary>
/// <param name="SemicolonEndsSentence">
/// Whether ؛ and ; end a sentence. Off by default: in Arabic news the semicolon mostly joins a clause to the cause
/// or detail that follows it, so both halves belong to one statement.
/// </param>
/// <param name="MaxSentenceTokens">
/// The longest sentence, in tokens. Real sentences stay far below it (the longest run-on in the news corpora is about
/// 350 words); past it the text is not prose but an unpunctuated dump, and a sentence that long would make every
/// per-sentence stage (tagging, quotes, events) work in proportion to its square. A longer run is cut into windows,
/// at a clause mark (، , ؛ ; :) in the second half of the window when there is one, else at the limit.
/// </param>
public sealed record SentenceSplitterOptions(bool SemicolonEndsSentence = false, int MaxSentenceTokens = 600);
