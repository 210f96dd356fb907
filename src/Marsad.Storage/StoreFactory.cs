using Marsad.Storage.Search;
using Npgsql;

namespace Marsad.Storage;

/// <summary>
/// Opens the store a <c>--db</c> argument names. Rules:
/// <list type="bullet">
/// <item><c>postgres://</c> and <c>postgresql://</c> URIs (user, password, host, port, database, and query parameters
/// such as <c>sslmode</c>) and key-value connection strings (<c>Host=…;Database=…</c>) open PostgreSQL;</item>
/// <item>anything else is a SQLite file path;</item>
/// <item>with no argument, <c>MARSAD_DB</c> decides, else the SQLite file in the user's data directory.</item>
/// </list>
/// </summary>
public static class StoreFactory
{
    // Password=… or Pwd=… in a key-value string: a quoted value may hold ';' (quotes doubled inside), a bare one runs to ';'.
    private static readonly System.Text.RegularExpressions.Regex PasswordPair = new(
        """(?<key>\b(?:password|pwd))\s*=\s*(?:'(?:[^']|'')*'?|"(?:[^"]|"")*"?|[^;]*)""",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static IKnowledgeStore Open(string? dbArg)
    {
        var db = string.IsNullOrWhiteSpace(dbArg) ? SqliteDocumentStore.DefaultPath() : dbArg;
        return IsPostgres(db) ? PostgresDocumentStore.Open(ToNpgsqlConnectionString(db)) : SqliteDocumentStore.Open(db);
    }

    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || LooksLikeConnectionString(db);

    /// <summary>The Npgsql connection string of a URI or of a key-value string (returned as Npgsql reads it).</summary>
    public static string ToNpgsqlConnectionString(string db)
    {
        if (LooksLikeConnectionString(db))
        {
            return new NpgsqlConnectionStringBuilder(db).ConnectionString;
        }

        if (!Uri.TryCreate(db, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(db)}' is not a PostgreSQL URI (postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"the PostgreSQL URI has an unknown parameter '{key}'", ex);
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Where the search index of a store lives by default: beside a SQLite file (<c>marsad.db.index/</c>); for
    /// PostgreSQL, a folder per server and database under the user's data directory (the index is local to a machine).
    /// </summary>
    public static string DefaultIndexPath(string? dbArg)
    {
        var db = string.IsNullOrWhiteSpace(dbArg) ? SqliteDocumentStore.DefaultPath() : dbArg;
        if (!IsPostgres(db))
        {
            return Path.GetFullPath(db) + ".index";
        }

        var b = new NpgsqlConnectionStringBuilder(ToNpgsqlConnectionString(db));
        var name = string.Join('_', new[] { b.Host, b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Database, b.SearchPath }
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => string.Concat(s!.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'))));
        return Path.Combine(Path.GetDirectoryName(SqliteDocumentStore.DefaultPath())!, "index", "pg_" + name);
    }

    /// <summary>Opens the store's search index for writing (at <paramref name="indexPath"/> or the default).</summary>
    public static DocumentIndex OpenIndex(string? dbArg, string? indexPath = null) => DocumentIndex.Open(indexPath ?? DefaultIndexPath(dbArg));

    /// <summary>
    /// The argument with any password hidden, for messages: in a URI everything between the user name and the last '@'
    /// (a password may hold '@', ':' or '/'), in a key-value string every Password/Pwd value (quoted or not). When unsure
    /// it hides more, never less.
    /// </summary>
    public static string Redact(string db)
    {
        var scheme = db.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var rest = db[(scheme + 3)..];
            var at = rest.LastIndexOf('@');
            var colon = at < 0 ? -1 : rest.IndexOf(':');
            if (colon >= 0 && colon < at)
            {
                db = db[..(scheme + 3)] + rest[..colon] + ":***" + rest[at..];
            }
        }

        // Key-value strings, and a password=… parameter of a URI.
        return PasswordPair.Replace(db, m => m.Groups["key"].Value + "=***");
    }

    // A key-value string names its host; a file path with "Host=" in it would be a strange file name.
    private static bool LooksLikeConnectionString(string db) =>
        db.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)
        || db.Contains(";Host=", StringComparison.OrdinalIgnoreCase)
        || db.Contains(";Server=", StringComparison.OrdinalIgnoreCase);
}
