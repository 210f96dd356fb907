using System.Collections.Concurrent;

namespace Marsad.Monitoring;

/// <summary>
/// One request at a time per host, and a least interval between the starts of two of them: the politeness a watcher
/// owes each site, whatever the number of sources on it. Holding the gate covers the whole exchange (body included), so
/// together with one pooled connection per server a host never sees two connections from us.
/// </summary>
internal sealed class HostGate
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(Uri url, TimeSpan interval, CancellationToken cancel)
    {
        var slot = _slots.GetOrAdd(url.Authority, _ => new Slot());
        await slot.Lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var wait = slot.NextStart - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }
        }
        catch
        {
            slot.Lock.Release();
            throw;
        }

        return new Lease(slot, interval);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTime NextStart { get; set; } = DateTime.MinValue;
    }

    private sealed class Lease(Slot slot, TimeSpan interval) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                slot.NextStart = DateTime.UtcNow + interval;
                slot.Lock.Release();
            }
        }
    }
}
