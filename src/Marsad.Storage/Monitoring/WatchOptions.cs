namespace Marsad.Storage.Monitoring;

/// <summary>How <see cref="SourceWatcher"/> polls.</summary>
public sealed record WatchOptions
{
    /// <summary>This watcher's name in the leases.</summary>
    public string Owner { get; init; } = QueueWorkerOptions.DefaultOwner();

    /// <summary>Time between two polls of a source (a source may set its own).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait before a failing source is tried again.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How long a claimed source stays this watcher's without renewal (renewed every third of it).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Sources polled at once (each host still gets one request at a time).</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>
    /// Articles fetched, then analyzed, stored and connected together (the unit a kill can cost): connecting is paid per
    /// batch, so larger batches go faster (see bench/README.md).
    /// </summary>
    public int Chunk { get; init; } = 64;

    /// <summary>How often an idle watcher looks for a source that came due.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Sitemaps of an index read per poll (the most recently changed).</summary>
    public int MaxChildSitemaps { get; init; } = 20;
}
