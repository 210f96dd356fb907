using Marsad.Storage;
using Marsad.Storage.Search;

namespace Marsad.Web;

/// <summary>
/// The served store's search index: an in-memory Lucene index (the Arabic search analyzer of <c>marsad search</c>)
/// kept in line with the store at every reload, adding, replacing and removing only what changed, so documents that
/// workers or other `analyze` runs store are found without `marsad reindex`. Serving writes no index files.
/// </summary>
public sealed class StoreSearch : IDisposable
{
    private readonly DocumentIndex _index = DocumentIndex.InMemory();
    private readonly SearchService _service;

    public StoreSearch()
    {
        _service = _index.CreateSearchService();
    }

    /// <summary>Brings the index in line with <paramref name="store"/>; returns how many entries changed.</summary>
    public int Sync(IDocumentStore store)
    {
        var changed = _index.Sync(store);
        _service.Refresh();
        return changed;
    }

    /// <summary>An index of <paramref name="rows"/> alone, for a snapshot built without a store.</summary>
    public static StoreSearch Of(IEnumerable<StoredDocument> rows)
    {
        var search = new StoreSearch();
        foreach (var row in rows)
        {
            search._index.Upsert(row);
        }

        search._index.Commit();
        search._service.Refresh();
        return search;
    }

    public SearchResults Search(SearchQuery query) => _service.Search(query);

    public void Dispose()
    {
        _service.Dispose();
        _index.Dispose();
    }
}
