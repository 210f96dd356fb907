using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Web;

/// <summary>What <c>marsad serve</c> serves and where: the store, the URLs to listen on (loopback by default), and who may read it.</summary>
public sealed record ServeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The store: a SQLite file, or a PostgreSQL URI or connection string.</summary>
    public required string DbPath { get; init; }

    /// <summary>The search index folder; by default <see cref="StoreFactory.DefaultIndexPath"/> of the store (beside a SQLite file).</summary>
    public string? IndexPath { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The access token every request must carry; required to listen beyond loopback (see <see cref="ServeAccess"/>).</summary>
    public string? Token { get; init; }

    /// <summary>The Host header values answered (no port; "*" for any); empty: loopback names only, see <see cref="ServeAccess"/>.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The folder of the dashboard's static files; by default wwwroot/ beside the binaries.</summary>
    public string? WebRoot { get; init; }

    /// <summary>
    /// Opens a knowledge reader of <see cref="DbPath"/> for the <see cref="KnowledgeReaderPool"/> (closed when the pool
    /// has enough, when it is disposable); by default <see cref="OpenStoreReader"/>.
    /// </summary>
    public Func<string, IKnowledgeReader> OpenReader { get; init; } = OpenStoreReader;

    /// <summary>The store's reader; a SQLite file that does not exist is an empty store (serving never creates one).</summary>
    public static IKnowledgeReader OpenStoreReader(string db) =>
        !StoreFactory.IsPostgres(db) && !File.Exists(db) ? EmptyKnowledgeReader.Instance : KnowledgeReaders.Open(db);
}
