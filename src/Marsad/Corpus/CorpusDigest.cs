namespace Marsad.Corpus;

/// <summary>
/// What the corpus stage reads from a document's large layers (normalized text, tokens, segments, numbers), computed
/// while they are there, so that a long run can release them and keep the document small until its stories are known:
/// the near-duplicate signature (null when the text is too short to sign), the story features, the date signal and the
/// quantity claims, and the actor designations (<see cref="FramingTable.Find"/>) when they were computed. Made by <see cref="CorpusAnalyzer.Condense"/> under that analyzer's settings; the stages read it in
/// place of the layers it was made from.
/// </summary>
public sealed record CorpusDigest(uint[]? Signature, IReadOnlyList<StoryFeature> Features, DateSignal Date, IReadOnlyList<QuantityClaim> Claims,
    IReadOnlyList<ActorDesignation>? Designations = null);
