using Marsad.Storage;
using Marsad.Storage.Search;

namespace Marsad.Web;

/// <summary>
/// The served store's search index: an in-memory Lucene index (the Arabic search analyzer of <c>marsad search</c>)
/// kept in line with the store at every reload, adding, replacing and removing only what changed (a document the index
/// cannot take is named once and left out, never stopping the reload), so documents that
/// workers or other `analyze` runs store are found without `marsad reindex`. Serving writes no index files.
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
