namespace Marsad.Storage;

/// <summary>
/// How a <see cref="QueueWorker"/> runs. <see cref="Lease"/>: how long a claimed job stays this worker's without a
/// renewal (renewed every third of it while the job runs); <see cref="Poll"/>: the wait when the queue is empty;
/// <see cref="Drain"/>: stop once nothing is queued or running instead of waiting for more; <see cref="ClaimPause"/>:
/// a pause between claiming a job and analyzing it, for fault-injection tests that kill a worker mid-job.
/// </summary>
public sealed record QueueWorkerOptions
{
    public required string Owner { get; init; }

    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);

    public bool Drain { get; init; }

    public TimeSpan ClaimPause { get; init; } = TimeSpan.Zero;

    /// <summary>A name that tells workers apart across machines: host, process id and a random suffix.</summary>
    public static string DefaultOwner() =>
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
