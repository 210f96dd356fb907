namespace Marsad.Web;

/// <summary>What <c>marsad serve</c> serves and where: the store file and the URLs to listen on (loopback by default).</summary>
public sealed record ServeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public required string DbPath { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The folder of the dashboard's static files; by default wwwroot/ beside the binaries.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Builds the snapshots; set it to plug in corpus-level sections (e.g. events) the engine writes.</summary>
    public SnapshotLoader? Loader { get; init; }
}
