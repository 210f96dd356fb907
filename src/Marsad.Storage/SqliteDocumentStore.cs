using System.Data.Common;
using Marsad.Model;
using Marsad.Storage.Knowledge;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Each document is written in its own
/// transaction (a killed process leaves whole documents only); readers may run beside a writer. The knowledge base
/// (<see cref="KnowledgeStore"/>) lives in the same file.
/// </summary>
public sealed class SqliteDocumentStore : KnowledgeStore
{
    private readonly SqliteConnection _connection;

    private SqliteDocumentStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>The store's connection, for the tests that read its query plans.</summary>
    internal SqliteConnection Connection => _connection;

    public override string Description => "SQLite " + Path;

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/>; the folder is created too.</summary>
    public static SqliteDocumentStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
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

    public override string? GetContentHash(string id)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT content_hash FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", ControlCharacters.Replace(id));
        return cmd.ExecuteScalar() as string;
    }

    public override SaveResult Save(StoredDocument document)
    {
        document = StoredDocumentColumns.Clean(document);
        using var tx = _connection.BeginTransaction(deferred: false);
        string? existing;
        string? existingVersion;
        using (var check = _connection.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT content_hash, analyzer_version FROM documents WHERE id = $id";
            check.Parameters.AddWithValue("$id", document.Id);
            using var r = check.ExecuteReader();
            existing = r.Read() ? r.GetString(0) : null;
            existingVersion = existing is null ? null : r.GetString(1);
        }

        if (existing == document.ContentHash && existingVersion == document.AnalyzerVersion)
        {
            tx.Rollback();
            return SaveResult.Unchanged;
        }

        using (var upsert = _connection.CreateCommand())
        {
            upsert.Transaction = tx;
            upsert.CommandText = """
                INSERT INTO documents (id, content_hash, source_path, url, title, outlet, published, published_from,
                                       language, encoding, removed_count, text, json, analyzer_version, analyzed_at)
                VALUES ($id, $hash, $source, $url, $title, $outlet, $published, $publishedFrom,
                        $language, $encoding, $removed, $text, $json, $version, $at)
                ON CONFLICT(id) DO UPDATE SET
                  content_hash = excluded.content_hash, source_path = excluded.source_path, url = excluded.url,
                  title = excluded.title, outlet = excluded.outlet, published = excluded.published,
                  published_from = excluded.published_from, language = excluded.language, encoding = excluded.encoding,
                  removed_count = excluded.removed_count, text = excluded.text, json = excluded.json,
                  analyzer_version = excluded.analyzer_version, analyzed_at = excluded.analyzed_at,
                  connected = 0
                """;
            upsert.Parameters.AddWithValue("$id", document.Id);
            upsert.Parameters.AddWithValue("$hash", document.ContentHash);
            upsert.Parameters.AddWithValue("$source", document.SourcePath);
            upsert.Parameters.AddWithValue("$url", (object?)document.Url ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$title", (object?)document.Title ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$outlet", (object?)document.Outlet ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$published", (object?)document.Published ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$publishedFrom", document.PublishedFrom);
            upsert.Parameters.AddWithValue("$language", document.Language);
            upsert.Parameters.AddWithValue("$encoding", document.Encoding);
            upsert.Parameters.AddWithValue("$removed", document.RemovedCount);
            upsert.Parameters.AddWithValue("$text", document.Text);
            upsert.Parameters.AddWithValue("$json", document.Json);
            upsert.Parameters.AddWithValue("$version", document.AnalyzerVersion);
            upsert.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            upsert.ExecuteNonQuery();
        }

        tx.Commit();
        return existing is null ? SaveResult.Inserted : SaveResult.Updated;
    }

    public override StoredDocument? Get(string id)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = StoredDocumentColumns.Select + " WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", ControlCharacters.Replace(id));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? StoredDocumentColumns.Read(reader) : null;
    }

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

    public override int Count()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM documents";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string ChangeStamp()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*), COALESCE(MAX(analyzed_at), ''), (SELECT applied FROM knowledge_state) FROM documents";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}|{reader.GetString(1)}|{reader.GetInt64(2)}");
    }

    public override void Dispose() => _connection.Dispose();

    private void Migrate()
    {
        // WAL lets a reader (the dashboard) run beside the writer; NORMAL sync is safe against a killed
        // process, which is the crash we promise to survive.
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = NORMAL;");
        Execute("PRAGMA foreign_keys = ON;");
        Execute("PRAGMA busy_timeout = 30000;");
        using var tx = _connection.BeginTransaction(deferred: false);
        Migrated = SchemaMigrator.Migrate(_connection, tx, SqlDialect.Sqlite, Path);
        tx.Commit();
    }

    protected override T Read<T>(Func<DbConnection, T> query) => query(_connection);

    protected override void Write(Action<DbConnection, DbTransaction> work)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        work(_connection, tx);
        tx.Commit();
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
