using Marsad.Monitoring;
using Marsad.Storage.Monitoring;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad watch</c> as a hosted service: runs the watcher until the host stops (Ctrl-C, SIGTERM) or, with
/// <c>--once</c>, until every source was polled once, then stops the host. A failure of the watcher itself (the store
/// gone) is kept for the command's exit code.
/// </summary>
internal sealed class WatchService(SourceWatcher watcher, IReadOnlyList<WatchSource> sources, bool once, IHostApplicationLifetime lifetime) : BackgroundService
{
    public Exception? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first (synchronous) store calls.
        await Task.Yield();
        try
        {
            await watcher.RunAsync(sources, once, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Failure = ex;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
