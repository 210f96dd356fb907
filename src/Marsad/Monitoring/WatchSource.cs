namespace Marsad.Monitoring;

/// <summary>What kind of listing a source is: told by the sources file, or found from the fetched document.</summary>
public enum WatchSourceKind
{
    /// <summary>An address whose kind (feed or sitemap) its root element tells.</summary>
    Web,
    Feed,
    Sitemap,
    Folder,
}

/// <summary>
/// One watched source: <see cref="Id"/> is its address (an absolute http(s) URL, or a folder's full path), the key of
/// its state in the store. <see cref="Interval"/> overrides the watch's poll interval for it.
/// </summary>
public sealed record WatchSource(string Id, WatchSourceKind Kind, TimeSpan? Interval = null)
{
    public bool IsFolder => Kind == WatchSourceKind.Folder;
}
