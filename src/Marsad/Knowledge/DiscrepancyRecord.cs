namespace Marsad.Knowledge;

/// <summary>Where the sources of one story disagree; <see cref="Json"/> is its object of the contract's <c>discrepancies</c> section.</summary>
public sealed record DiscrepancyRecord(string Id, string Story, string Kind, string Json);

/// <summary>A near-duplicate pair of documents (<see cref="A"/> ordinal-before <see cref="B"/>).</summary>
public sealed record DuplicateRecord(string A, string B, double Similarity);

/// <summary>A story's framing table (per outlet, the terms it uses for each actor) as JSON rows of <see cref="Corpus.FramingRow"/>.</summary>
public sealed record FramingRecord(string Story, string Json);

/// <summary>
/// What near-duplicate lookup keeps of a document: its MinHash signature and the keys of its LSH bands (the store
/// indexes the bands, so candidates are found without a scan).
/// </summary>
public sealed record DocumentDigest(string Document, uint[] Signature, long[] Bands);

/// <summary>A stored document that shares a band with the document being added.</summary>
public sealed record DuplicateCandidate(string Document, uint[] Signature);
