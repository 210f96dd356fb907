using Marsad.Storage;

namespace Marsad.Web;

/// <summary>
/// Serves the current <see cref="CorpusSnapshot"/> of one store (a SQLite file, or PostgreSQL). Rules:
/// <list type="bullet">
/// <item>the snapshot is built on first use (that request waits);</item>
/// <item>at most once per <see cref="CheckInterval"/> a request looks at the store file and its WAL (a changed size or
/// write time), or asks PostgreSQL for its <see cref="IDocumentStore.ChangeStamp"/>; a change starts a rebuild in the background, and every request, that one included, keeps reading the snapshot it
/// had until the new one is ready;</item>
/// <item>one rebuild runs at a time, and it annotates only the rows that changed since the last one
/// (<see cref="ReanalysisCache"/>);</item>
/// <item>a rebuild that fails (a store being replaced, say) leaves the old snapshot in place; the next change retries.</item>
/// </list>
/// </summary>
public sealed class SnapshotProvider : IDisposable
{
    private readonly string _dbPath;
    private readonly SnapshotLoader _loader;
    private readonly Lock _gate = new();

    // Annotated documents kept between reloads: a change to the store annotates only its new or changed rows.
    private readonly ReanalysisCache _cache = new();

    // The store's search index, synced at each reload and shared by the snapshots (they drop ids they do not hold).
    private readonly StoreSearch _search = new();
    private CorpusSnapshot? _current;
    private string _stamp = "";
    private long _checkedAt;
    private int _rebuilding;

    // PostgreSQL has no file to watch: one store stays open to ask for its change stamp.
    private IDocumentStore? _stampStore;

    public SnapshotProvider(string dbPath, SnapshotLoader? loader = null)
    {
        _dbPath = StoreFactory.IsPostgres(dbPath) ? dbPath : Path.GetFullPath(dbPath);
        _loader = loader ?? SnapshotLoader.Default;
    }

    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(2);

    public string DbPath => _dbPath;

    /// <summary>Why the last background rebuild failed, or null when it succeeded.</summary>
    public string? LastError { get; private set; }

    public CorpusSnapshot Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (current is null)
            {
                lock (_gate)
                {
                    if (_current is null)
                    {
                        Rebuild();
                    }

                    return _current!;
                }
            }

            if (Environment.TickCount64 - Volatile.Read(ref _checkedAt) >= CheckInterval.TotalMilliseconds
                && Interlocked.CompareExchange(ref _rebuilding, 1, 0) == 0)
            {
                Volatile.Write(ref _checkedAt, Environment.TickCount64);
                if (Stamp() != Volatile.Read(ref _stamp))
                {
                    _ = Task.Run(RebuildInBackground);
                }
                else
                {
                    Volatile.Write(ref _rebuilding, 0);
                }
            }

            return current;
        }
    }

    private void RebuildInBackground()
    {
        try
        {
            lock (_gate)
            {
                Rebuild();
            }

            LastError = null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastError = ex.Message;
            Console.Error.WriteLine($"serve: could not reload {StoreFactory.Redact(_dbPath)}: {ex.Message.ReplaceLineEndings(" ")}; still serving the previous state");
        }
        finally
        {
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
            Volatile.Write(ref _rebuilding, 0);
        }
    }

    private void Rebuild()
    {
        // PostgreSQL's stamp is taken before the load, so a document stored meanwhile is loaded next time; SQLite's after
        // it, because closing the store checkpoints its WAL, which is not a change to reload for.
        var before = StoreFactory.IsPostgres(_dbPath) ? Stamp() : null;
        var next = _loader.Load(_dbPath, _cache, _search);
        Volatile.Write(ref _stamp, before ?? Stamp());
        Volatile.Write(ref _current, next);
    }

    public void Dispose()
    {
        _stampStore?.Dispose();
        _search.Dispose();
    }

    private string Stamp()
    {
        static string Of(string path)
        {
            var f = new FileInfo(path);
            return f.Exists ? f.Length + "@" + f.LastWriteTimeUtc.Ticks : "-";
        }

        if (!StoreFactory.IsPostgres(_dbPath))
        {
            return Of(_dbPath) + "|" + Of(_dbPath + "-wal");
        }

        try
        {
            _stampStore ??= StoreFactory.Open(_dbPath);
            return _stampStore.ChangeStamp();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The server is away: keep serving what we have; the next check asks again.
            return Volatile.Read(ref _stamp);
        }
    }
}
