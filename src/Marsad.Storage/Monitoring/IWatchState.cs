namespace Marsad.Storage.Monitoring;

/// <summary>
/// The watcher's state in the store (tables <c>watch_sources</c>, <c>watch_items</c>). Sources are polled under a lease,
/// so on PostgreSQL several watchers share them (a source is claimed by one at a time; a lease that is not renewed
/// expires and another watcher takes the source); an address is marked once its work is done, after its document is
/// stored, so a watcher killed in between finds the document by id and does not fetch it again.
/// </summary>
public interface IWatchState
{
    /// <summary>
    /// Adds the sources not yet known (due now); known ones keep their state, but a healthy one is due within its
    /// interval (the source's own, else <paramref name="interval"/>) from now.
    /// </summary>
    void AddSources(IReadOnlyList<Marsad.Monitoring.WatchSource> sources, DateTimeOffset now, TimeSpan interval);

    /// <summary>
    /// Claims one of <paramref name="ids"/> not leased by another watcher: due (next poll passed) or, when
    /// <paramref name="notFetchedSince"/> is given, not fetched since then (one pass over every source); null when none.
    /// </summary>
    SourceClaim? Claim(IReadOnlyList<string> ids, string owner, DateTimeOffset now, TimeSpan lease, DateTimeOffset? notFetchedSince);

    /// <summary>Extends the lease while a long poll runs; false when it is no longer this owner's.</summary>
    bool Renew(string id, string owner, DateTimeOffset until);

    /// <summary>Records the poll and lets the lease go.</summary>
    void Finish(SourcePoll poll, string owner, DateTimeOffset now);

    /// <summary>Lets go every lease (a single-machine store, at the start of a watcher: the leases of a killed one).</summary>
    void ReleaseLeases();

    /// <summary>The marks of these addresses (those met before).</summary>
    IReadOnlyDictionary<string, ItemMark> Items(IReadOnlyCollection<string> urls);

    void Mark(ItemMark item, string source, string? error, DateTimeOffset now);

    /// <summary>The id of a stored document with this content hash, if any.</summary>
    string? DocumentWithHash(string contentHash);
}
