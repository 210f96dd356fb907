namespace Marsad.Storage;

/// <summary>
/// One stored document as a follower of the store sees it (<see cref="IDocumentStore.ChangedSince"/>): its id, the
/// version of its content (the content hash and the analyzer that stored it) and when it was last written. Light on
/// purpose: a follower compares versions and reads the whole row only of what it lacks.
/// </summary>
public sealed record DocumentChange(string Id, string ContentHash, string AnalyzerVersion, DateTime AnalyzedAt)
{
    /// <summary>Where this change sits in the order of changes.</summary>
    public DocumentMark Mark => new(AnalyzedAt, Id);
}
