namespace Marsad.Knowledge;

/// <summary>The connect locks of knowledge bases (<see cref="IKnowledgeBase.Connecting"/>).</summary>
public static class ConnectLock
{
    /// <summary>No lock: a knowledge base that one run writes.</summary>
    public static IDisposable None { get; } = new Released();

    /// <summary>
    /// A lock on a file beside the store, held by an exclusive open (an advisory lock on Unix), taken by every process
    /// on the machine that writes the store; released on dispose or when the process dies. Waits for a holder.
    /// </summary>
    public static IDisposable OnFile(string path, CancellationToken cancel = default)
    {
        var delay = 5;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process connects: wait for it.
                cancel.ThrowIfCancellationRequested();
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 100);
            }
        }
    }

    private sealed class Released : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
