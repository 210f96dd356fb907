namespace Marsad.Storage;

/// <summary>How many jobs are in each state; <see cref="Running"/> includes those whose lease has expired.</summary>
public sealed record QueueCounts(int Queued, int Running, int Done, int Failed)
{
    public int Pending => Queued + Running;
}
