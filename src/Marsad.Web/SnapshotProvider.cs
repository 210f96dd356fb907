using Marsad.Storage;

namespace Marsad.Web;

/// <summary>
/// Serves the current <see cref="CorpusSnapshot"/> of one store file. Rules: the snapshot is built on first use; at
/// most once per <see cref="CheckInterval"/> the store file (and its WAL) is looked at, and a changed size or write time
/// builds a new snapshot while requests keep reading the old one; only one rebuild runs at a time, and it annotates
/// only the rows that changed since the last one (<see cref="ReanalysisCache"/>).
/// </summary>
public sealed class SnapshotProvider
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

    public SnapshotProvider(string dbPath, SnapshotLoader? loader = null)
    {
        _dbPath = Path.GetFullPath(dbPath);
        _loader = loader ?? SnapshotLoader.Default;
    }

    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(2);

    public string DbPath => _dbPath;

    public CorpusSnapshot Current
    {
        get
        {
            var now = Environment.TickCount64;
            var current = Volatile.Read(ref _current);
            if (current is not null && now - Volatile.Read(ref _checkedAt) < CheckInterval.TotalMilliseconds)
            {
                return current;
            }

            // One request rebuilds; the others keep reading the snapshot they had (only the very first one waits).
            if (current is not null && !_gate.TryEnter())
            {
                return current;
            }

            if (current is null)
            {
                _gate.Enter();
            }

            try
            {
                if (_current is null || Stamp() != _stamp)
                {
                    _current = _loader.Load(_dbPath, _cache, _search);

                    // Taken after the load: closing the store checkpoints its WAL, which is not a change to reload for.
                    _stamp = Stamp();
                }

                Volatile.Write(ref _checkedAt, Environment.TickCount64);
                return _current;
            }
            finally
            {
                _gate.Exit();
            }
        }
    }

    private string Stamp()
    {
        static string Of(string path)
        {
            var f = new FileInfo(path);
            return f.Exists ? f.Length + "@" + f.LastWriteTimeUtc.Ticks : "-";
        }

        return Of(_dbPath) + "|" + Of(_dbPath + "-wal");
    }
}
