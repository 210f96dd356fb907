namespace Marsad.Extract.Entities;

/// <summary>One sentence of a CoNLL file: its raw lines, the tokens and the gold tags (the last column).</summary>
public sealed record ConllSentence(IReadOnlyList<string> Lines, IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);
