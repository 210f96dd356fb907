using System.Data.Common;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>
/// The columns of a stored document as both stores select them (the same names and order in SQLite and PostgreSQL),
/// and the row they read back; the stores keep their own upserts, whose parameter styles differ.
/// </summary>
internal static class StoredDocumentColumns
{
    /// <summary>
    /// The upsert's replacement of a stored row, the same on both stores: every column but the story; the row stays
    /// connected only when its text and engine are the ones it was connected with.
    /// </summary>
    public const string OnConflict = """
        ON CONFLICT (id) DO UPDATE SET
          content_hash = excluded.content_hash, source_path = excluded.source_path, url = excluded.url,
          title = excluded.title, outlet = excluded.outlet, published = excluded.published,
          published_from = excluded.published_from, language = excluded.language, encoding = excluded.encoding,
          removed_count = excluded.removed_count, text = excluded.text, json = excluded.json,
          analyzer_version = excluded.analyzer_version, analyzed_at = excluded.analyzed_at,
          connected = CASE WHEN documents.content_hash = excluded.content_hash AND documents.analyzer_version = excluded.analyzer_version
                      THEN documents.connected ELSE 0 END
        """;

    public const string Select =
        "SELECT id, content_hash, source_path, url, title, outlet, published, published_from, language, encoding, removed_count, text, json, analyzer_version FROM documents";

    /// <summary>
    /// The row as both stores write it: control characters replaced (<see cref="ControlCharacters"/>) in every text
    /// column, so SQLite (which would cut the text at a NUL) and PostgreSQL (which refuses it) keep the same text.
    /// </summary>
    public static StoredDocument Clean(StoredDocument d) => d with
    {
        Id = ControlCharacters.Replace(d.Id),
        SourcePath = ControlCharacters.Replace(d.SourcePath),
        Text = ControlCharacters.Replace(d.Text),
        Title = ControlCharacters.ReplaceOrNull(d.Title),
        Outlet = ControlCharacters.ReplaceOrNull(d.Outlet),
        Url = ControlCharacters.ReplaceOrNull(d.Url),
        Json = ControlCharacters.Replace(d.Json),
    };

    /// <summary>The document of the reader's current row, from a query that starts with <see cref="Select"/>.</summary>
    public static StoredDocument Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ContentHash = r.GetString(1),
        SourcePath = r.GetString(2),
        Url = r.IsDBNull(3) ? null : r.GetString(3),
        Title = r.IsDBNull(4) ? null : r.GetString(4),
        Outlet = r.IsDBNull(5) ? null : r.GetString(5),
        Published = r.IsDBNull(6) ? null : r.GetString(6),
        PublishedFrom = r.GetString(7),
        Language = r.GetString(8),
        Encoding = r.GetString(9),
        RemovedCount = r.GetInt32(10),
        Text = r.GetString(11),
        Json = r.GetString(12),
        AnalyzerVersion = r.GetString(13),
    };
}
