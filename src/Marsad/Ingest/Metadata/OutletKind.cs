namespace Marsad.Ingest.Metadata;

/// <summary>What kind of publisher an outlet is (the <c>kind</c> column of <c>data/outlets.tsv</c>).</summary>
public enum OutletKind
{
    /// <summary>A newspaper, site, radio or TV channel.</summary>
    Outlet,

    /// <summary>A national news agency (واع, سانا, واس).</summary>
    Agency,

    /// <summary>An international wire service (Reuters, AFP, AP).</summary>
    Wire,
}
