using Marsad.Storage;
using Marsad.Storage.Search;

namespace Marsad.Web;

/// <summary>
/// Keeps the served search in line with the store, in the background. Every <see cref="CheckInterval"/>:
/// <list type="bullet">
/// <item>the searcher moves to the index's latest commit (<c>analyze</c> commits as it indexes what it stores);</item>
/// <item>when the store's change stamp differs from the one kept with that commit (workers on PostgreSQL write only the
/// store), it takes the index's writer lock without waiting and catches up with the documents written since
/// (<see cref="DocumentIndex.CatchUp"/>), then lets the lock go; when another process holds the lock, that process is
/// writing the index and its commit will be seen at a later check;</item>
/// <item>no index yet: it is created at the first catch-up when the folder can be made (never for a SQLite store that
/// does not exist: serving never creates a store); searches answer empty meanwhile.</item>
/// </list>
/// A store or an index that cannot be read now (being replaced, a server away) is tried again at the next check, and
/// each distinct problem is said once.
/// </summary>
public sealed class SearchIndexCatchUp(StoreSearch search, ServeOptions options) : BackgroundService
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Problems and left-out documents already reported: a check runs every second and would repeat them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);

    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Completes when the first check is done (caught up, or found it could not).</summary>
    public Task FirstCheck => _first.Task;

    /// <summary>Documents indexed by the last catch-up this server made (0 when the index was current or written by another process).</summary>
    public int LastCaughtUp { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            CheckOnce();
            _first.TrySetResult();
            try
            {
                await Task.Delay(CheckInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One check: refresh, and catch up when the store moved and nobody else is writing the index.</summary>
    public void CheckOnce()
    {
        var db = options.DbPath;
        LastCaughtUp = 0;
        try
        {
            search.Refresh();
            if (!StoreFactory.IsPostgres(db) && !File.Exists(db))
            {
                return;
            }

            using var store = StoreFactory.Open(db);
            var stamp = store.ChangeStamp();
            if (search.StoreStamp == stamp)
            {
                return;
            }

            using (var index = DocumentIndex.TryOpen(search.IndexPath))
            {
                if (index is null)
                {
                    return;
                }

                index.Skipped = (id, reason) => Once(id, $"serve: {id}: left out of the search index ({reason})");
                LastCaughtUp = index.CatchUp(store);
            }

            search.Refresh();
        }
        catch (ObjectDisposedException)
        {
            // The server is stopping: the search was closed under this check.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException
            or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            var message = ex.Message.ReplaceLineEndings(" ");
            Once(message, $"serve: search index {search.IndexPath} not brought up to date from {StoreFactory.Redact(db)}: {message}");
        }
    }

    private void Once(string key, string message)
    {
        if (_reported.TryAdd(key, true))
        {
            Console.Error.WriteLine(message);
        }
    }
}
