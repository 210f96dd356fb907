using Marsad.Storage.Knowledge;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// Saves documents inside one SQLite transaction, one after the other, each exactly as a save on its own: the same id
/// holding the same hash, engine and date is left unchanged; otherwise the count of saves moves first, then the row is
/// written with its write time. Its three statements are prepared once and reused for every document of the batch.
/// </summary>
internal sealed class SqliteDocumentSaver : IDisposable
{
    private readonly SqliteCommand _check;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand _upsert;
    private readonly StoreCounts _counts;
    private readonly OutletDays _days;

    /// <summary>A saver whose saves move <paramref name="counts"/> and <paramref name="days"/>; the caller writes them before it commits.</summary>
    public SqliteDocumentSaver(SqliteConnection connection, SqliteTransaction tx, StoreCounts counts, OutletDays days)
    {
        _counts = counts;
        _days = days;
        _check = Command(connection, tx, "SELECT content_hash, analyzer_version, published, published_from, connected, outlet FROM documents WHERE id = $id");
        _check.Parameters.Add("$id", SqliteType.Text);
        _count = Command(connection, tx, KnowledgeSchema.CountSave);
        _upsert = Command(connection, tx, $"""
            INSERT INTO documents (id, content_hash, source_path, url, title, outlet, published, published_from,
                                   language, encoding, removed_count, text, json, analyzer_version, analyzed_at)
            VALUES ($id, $hash, $source, $url, $title, $outlet, $published, $publishedFrom,
                    $language, $encoding, $removed, $text, $json, $version, $at)
            {StoredDocumentColumns.OnConflict}
            """);
        foreach (var name in new[] { "$id", "$hash", "$source", "$url", "$title", "$outlet", "$published", "$publishedFrom", "$language", "$encoding", "$text", "$json", "$version", "$at" })
        {
            _upsert.Parameters.Add(name, SqliteType.Text);
        }

        _upsert.Parameters.Add("$removed", SqliteType.Integer);
    }

    /// <summary>Saves one document (already cleaned, <see cref="StoredDocumentColumns.Clean"/>) in the saver's transaction.</summary>
    public SaveResult Save(StoredDocument document)
    {
        string? existing;
        bool sameText;
        bool same;
        var wasConnected = false;
        (string? Outlet, string? Published) was = (null, null);
        _check.Parameters["$id"].Value = document.Id;
        using (var r = _check.ExecuteReader())
        {
            existing = r.Read() ? r.GetString(0) : null;
            sameText = existing == document.ContentHash && r.GetString(1) == document.AnalyzerVersion;
            // A date its story gave is stored (same text, same engine): the document stays connected.
            same = sameText && (r.IsDBNull(2) ? null : r.GetString(2)) == document.Published && r.GetString(3) == document.PublishedFrom;
            wasConnected = existing is not null && r.GetInt64(4) != 0;
            was = existing is null ? was : (r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(2) ? null : r.GetString(2));
        }

        if (same)
        {
            return SaveResult.Unchanged;
        }

        // The count of saves first: its write lock is the store's, so the time taken after it orders the commits.
        _count.ExecuteNonQuery();

        var p = _upsert.Parameters;
        p["$id"].Value = document.Id;
        p["$hash"].Value = document.ContentHash;
        p["$source"].Value = document.SourcePath;
        p["$url"].Value = (object?)document.Url ?? DBNull.Value;
        p["$title"].Value = (object?)document.Title ?? DBNull.Value;
        p["$outlet"].Value = (object?)document.Outlet ?? DBNull.Value;
        p["$published"].Value = (object?)document.Published ?? DBNull.Value;
        p["$publishedFrom"].Value = document.PublishedFrom;
        p["$language"].Value = document.Language;
        p["$encoding"].Value = document.Encoding;
        p["$removed"].Value = document.RemovedCount;
        p["$text"].Value = document.Text;
        p["$json"].Value = document.Json;
        p["$version"].Value = document.AnalyzerVersion;
        p["$at"].Value = new DocumentMark(DateTime.UtcNow, "").Time;
        _upsert.ExecuteNonQuery();
        _counts.DocumentSaved(existing is not null, wasConnected, sameText);
        _days.Add(was.Outlet, was.Published, -1);
        _days.Add(document.Outlet, document.Published, 1);
        return existing is null ? SaveResult.Inserted : SaveResult.Updated;
    }

    public void Dispose()
    {
        _check.Dispose();
        _count.Dispose();
        _upsert.Dispose();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
