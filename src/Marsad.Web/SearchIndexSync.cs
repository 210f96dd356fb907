using Marsad.Storage;

namespace Marsad.Web;

/// <summary>
/// Keeps the served <see cref="StoreSearch"/> in line with the store, in the background: the first sync starts with the
/// server (requests are answered meanwhile, search finds what is indexed so far), then every <see cref="CheckInterval"/>
/// the store's change stamp is compared with the index's and only what changed is indexed again. A store that cannot be
/// read (being replaced, a server away) is tried again at the next check; a SQLite file that does not exist is not created.
/// </summary>
public sealed class SearchIndexSync(StoreSearch search, ServeOptions options) : BackgroundService
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Completes when the first sync is done (or failed).</summary>
    public Task FirstSync => _first.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            SyncOnce();
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

    private void SyncOnce()
    {
        var db = options.DbPath;
        if (!StoreFactory.IsPostgres(db) && !File.Exists(db))
        {
            return;
        }

        try
        {
            using var store = StoreFactory.Open(db);
            search.Sync(store);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException
            or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"serve: search index not brought up to date from {StoreFactory.Redact(db)}: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
