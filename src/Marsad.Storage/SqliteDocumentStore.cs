using System.Data.Common;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Storage.Knowledge;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Each save (a document, or a batch of them) is one
/// transaction (a killed process leaves whole documents only); readers may run beside a writer. The knowledge base
/// (<see cref="KnowledgeStore"/>) lives in the same file; its reads may come from many threads at once (the web server),
/// so each takes a connection of its own from a small pool (WAL lets them read beside the writer), and writes of
/// knowledge are serialized on the store's connection.
/// </summary>
public sealed class SqliteDocumentStore : KnowledgeStore
{
    private readonly SqliteConnection _connection;

    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteConnection> _readers = [];

    private const string ChangeColumns = "SELECT id, content_hash, analyzer_version, analyzed_at FROM documents";

    private SqliteDocumentStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>The store's connection, for the tests that read its query plans.</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>Called with each reading connection the store opens (the query plan tests trace them).</summary>
    internal Action<SqliteConnection>? ReaderOpened { get; set; }

    public override string Description => "SQLite " + Path;

    /// <summary>A lock file beside the database, taken by every process on the machine that connects into it.</summary>
    public override IDisposable Connecting() => ConnectLock.OnFile(Path + ".connect.lock");

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/>; the folder is created too.</summary>
    public static SqliteDocumentStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var connection = Connect(full, SqliteOpenMode.ReadWriteCreate);
        try
        {
            connection.Open();
            var store = new SqliteDocumentStore(full, connection);
            store.Migrate();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The default location: <c>MARSAD_DB</c>, else marsad.db in the user's data directory.</summary>
    public static string DefaultPath()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_DB");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var baseDir = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(baseDir))
        {
            baseDir = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return System.IO.Path.Combine(baseDir, "marsad", "marsad.db");
    }

    public override string? GetContentHash(string id) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT content_hash FROM documents WHERE id = $id").With("$id", ControlCharacters.Replace(id));
        return cmd.ExecuteScalar() as string;
    });

    public override SaveResult Save(StoredDocument document) => SaveMany([document])[0];

    /// <summary>The documents in order, in one transaction, with the statements prepared once for all of them.</summary>
    public override IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<StoredDocument> documents)
    {
        var results = new SaveResult[documents.Count];
        if (documents.Count == 0)
        {
            return results;
        }

        lock (_connection)
        {
            using var tx = _connection.BeginTransaction(deferred: false);
            var counts = new StoreCounts();
            var days = new OutletDays();
            using (var saver = new SqliteDocumentSaver(_connection, tx, counts, days))
            {
                for (var i = 0; i < documents.Count; i++)
                {
                    results[i] = saver.Save(StoredDocumentColumns.Clean(documents[i]));
                }
            }

            // A batch of unchanged documents wrote nothing: its transaction is let go, as a lone unchanged save's is.
            if (Array.TrueForAll(results, r => r == SaveResult.Unchanged))
            {
                tx.Rollback();
            }
            else
            {
                counts.Write(_connection, tx);
                days.Write(_connection, tx);
                tx.Commit();
            }
        }

        return results;
    }

    public override StoredDocument? Get(string id) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, StoredDocumentColumns.Select + " WHERE id = $id").With("$id", ControlCharacters.Replace(id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? StoredDocumentColumns.Read(reader) : null;
    });

    public override IEnumerable<StoredDocument> All()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = StoredDocumentColumns.Select + " ORDER BY id";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredDocumentColumns.Read(reader);
        }
    }

    public override int Count() => Read(c => (int)StoreCounts.Read(c, null, StoreCounts.Documents));

    public override string ChangeStamp() => Read(KnowledgeStamp);

    public override IReadOnlyList<DocumentChange> ChangedSince(DocumentMark? after, int limit) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, after is null
                ? $"{ChangeColumns} ORDER BY analyzed_at, id LIMIT @limit"
                : $"{ChangeColumns} WHERE (analyzed_at, id) > (@at, @id) ORDER BY analyzed_at, id LIMIT @limit")
            .With("@limit", Math.Max(0, limit)).With("@at", after?.Time).With("@id", after?.Id);
        var changes = new List<DocumentChange>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            changes.Add(new DocumentChange(r.GetString(0), r.GetString(1), r.GetString(2), DocumentMark.ParseTime(r.GetString(3))));
        }

        return changes;
    });

    public override void Dispose()
    {
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _connection.Dispose();
    }

    private void Migrate()
    {
        // WAL lets a reader (the dashboard) run beside the writer; NORMAL sync is safe against a killed
        // process, which is the crash we promise to survive.
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = NORMAL;");
        Execute("PRAGMA foreign_keys = ON;");
        Execute("PRAGMA busy_timeout = 30000;");
        // The writer's page cache holds a batch of saves with the index pages they touch: at SQLite's default (2 MB)
        // a transaction of a few hundred documents spilled and wrote its pages to the log again and again.
        Execute("PRAGMA cache_size = -65536;");
        using var tx = _connection.BeginTransaction(deferred: false);
        Migrated = SchemaMigrator.Migrate(_connection, tx, SqlDialect.Sqlite, Path);
        tx.Commit();
    }

    protected override T Read<T>(Func<DbConnection, T> query)
    {
        if (!_readers.TryTake(out var reader))
        {
            reader = Connect(Path, SqliteOpenMode.ReadWrite);
            reader.Open();
            ReaderOpened?.Invoke(reader);
        }

        try
        {
            return query(reader);
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    protected override void Write(Action<DbConnection, DbTransaction> work)
    {
        lock (_connection)
        {
            using var tx = _connection.BeginTransaction(deferred: false);
            work(_connection, tx);
            tx.Commit();
        }
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
