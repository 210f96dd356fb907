using Marsad.Storage;
using Marsad.Storage.Search;

namespace Marsad.Web;

/// <summary>
/// The served store's search: the store's Lucene index on disk (<see cref="ServeOptions.IndexPath"/>, by default beside
/// the SQLite file, as <c>marsad analyze</c> writes it), read only, through a searcher that <see cref="Refresh"/> moves to
/// the latest commit, whoever made it (analyze, <c>marsad search</c>, or <see cref="SearchIndexCatchUp"/>). Until the
/// folder holds an index, every search answers empty. Nothing of the index is read before the first search needs it.
/// </summary>
public sealed class StoreSearch : IDisposable
{
    private static readonly SearchResults None = new(0, [], TimeSpan.Zero);

    private readonly Lock _gate = new();
    private SearchService? _service;
    private bool _disposed;

    public StoreSearch(ServeOptions options)
    {
        IndexPath = Path.GetFullPath(options.IndexPath ?? StoreFactory.DefaultIndexPath(options.DbPath));
    }

    /// <summary>The index folder searched.</summary>
    public string IndexPath { get; }

    /// <summary>The store stamp of the commit searched (null: no index yet, or one that never followed the store).</summary>
    public string? StoreStamp => Volatile.Read(ref _service)?.StoreStamp;

    /// <summary>Documents the current searcher sees.</summary>
    public int Count => Volatile.Read(ref _service)?.Count ?? 0;

    /// <summary>Opens the index once it exists, else makes the commits made since the last refresh visible.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_service is null)
            {
                if (!Directory.Exists(IndexPath))
                {
                    return;
                }

                try
                {
                    Volatile.Write(ref _service, SearchService.Open(IndexPath));
                }
                catch (FileNotFoundException)
                {
                    // A folder without a commit yet (a writer is creating it).
                }

                return;
            }

            try
            {
                _service.Refresh();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The folder was removed or replaced under us: searched afresh once it holds an index again.
                var stale = _service;
                Volatile.Write(ref _service, null);
                stale.Dispose();
                throw;
            }
        }
    }

    public SearchResults Search(SearchQuery query) => Volatile.Read(ref _service) is { } service ? service.Search(query) : None;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _service?.Dispose();
            _service = null;
        }
    }
}
