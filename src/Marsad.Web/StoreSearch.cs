using Marsad.Storage;
using Marsad.Storage.Search;

namespace Marsad.Web;

/// <summary>
/// The served store's search index: an in-memory Lucene index (the Arabic search analyzer of <c>marsad search</c>)
/// kept in line with the store by <see cref="SearchIndexSync"/>, adding, replacing and removing only what changed (a
/// document the index cannot take is named once and left out, never stopping the sync), so documents that workers or
/// other `analyze` runs store are found without `marsad reindex`. Serving writes no index files.
/// </summary>
public sealed class StoreSearch : IDisposable
{
    private readonly DocumentIndex _index = DocumentIndex.InMemory();
    private readonly SearchService _service;

    // Ids already reported as left out: a reload syncs again and would name them at every change.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);

    public StoreSearch()
    {
        _service = _index.CreateSearchService();
        _index.Skipped = (id, reason) =>
        {
            if (_reported.TryAdd(id, true))
            {
                Console.Error.WriteLine($"serve: {id}: left out of the search index ({reason})");
            }
        };
    }

    /// <summary>Brings the index in line with <paramref name="store"/> when the store changed since; returns how many entries changed.</summary>
    public int Sync(IDocumentStore store)
    {
        var changed = _index.SyncIfChanged(store);
        if (changed > 0)
        {
            _service.Refresh();
        }

        return changed;
    }

    public SearchResults Search(SearchQuery query) => _service.Search(query);

    public void Dispose()
    {
        _service.Dispose();
        _index.Dispose();
    }
}
