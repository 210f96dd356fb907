namespace Marsad.Web;

/// <summary>What <c>marsad serve</c> serves and where: the store, the URLs to listen on (loopback by default), and who may read it.</summary>
public sealed record ServeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The store: a SQLite file, or a PostgreSQL URI or connection string.</summary>
    public required string DbPath { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The access token every request must carry; required to listen beyond loopback (see <see cref="ServeAccess"/>).</summary>
    public string? Token { get; init; }

    /// <summary>The Host header values answered (no port; "*" for any); empty: loopback names only, see <see cref="ServeAccess"/>.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The folder of the dashboard's static files; by default wwwroot/ beside the binaries.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Builds the snapshots; set it to plug in corpus-level sections (e.g. events) the engine writes.</summary>
    public SnapshotLoader? Loader { get; init; }
}
