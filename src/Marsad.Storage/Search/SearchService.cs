using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Marsad.Storage.Search;

/// <summary>
/// Answers <see cref="SearchQuery"/> queries over a <see cref="DocumentIndex"/>: ranked by BM25 (title and entity
/// matches weigh more, see <see cref="SearchQueryBuilder"/>), filtered, with highlighted snippets. A query with filters
/// and no text lists the newest documents first. Thread-safe: each search takes the current searcher.
/// </summary>
public sealed class SearchService : IDisposable
{
    private static readonly Sort NewestFirst = new(new SortField(SearchFields.PublishedDay, SortFieldType.INT32, true));

    private readonly SearcherManager _manager;
    private readonly bool _ownsManager;
    private readonly Lucene.Net.Store.Directory? _directory;

    public SearchService(SearcherManager manager, Analyzer analyzer, bool ownsManager)
        : this(manager, analyzer, ownsManager, null)
    {
    }

    private SearchService(SearcherManager manager, Analyzer analyzer, bool ownsManager, Lucene.Net.Store.Directory? directory)
    {
        _manager = manager;
        Analyzer = analyzer;
        _ownsManager = ownsManager;
        _directory = directory;
    }

    public Analyzer Analyzer { get; }

    /// <summary>Opens an index folder for reading only; fails clearly when there is no index there.</summary>
    public static SearchService Open(string path, Analyzer? analyzer = null)
    {
        var full = Path.GetFullPath(path);
        var directory = FSDirectory.Open(full);
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            throw new FileNotFoundException($"there is no search index at {full}; run 'marsad reindex' to build it", full);
        }

        var manager = new SearcherManager(directory, new BM25SearcherFactory());
        return new SearchService(manager, analyzer ?? new ArabicSearchAnalyzer(), ownsManager: true, directory);
    }

    /// <summary>Documents the current searcher sees.</summary>
    public int Count
    {
        get
        {
            var searcher = _manager.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _manager.Release(searcher);
            }
        }
    }

    /// <summary>
    /// The store stamp kept with the commit the current searcher reads (see <see cref="DocumentIndex.CatchUp"/>), or null
    /// when that commit keeps none (or the service reads a writer's uncommitted changes).
    /// </summary>
    public string? StoreStamp
    {
        get
        {
            var searcher = _manager.Acquire();
            try
            {
                return searcher.IndexReader is DirectoryReader { IndexCommit.UserData: { } data } && data.TryGetValue(DocumentIndex.StampKey, out var stamp)
                    ? stamp
                    : null;
            }
            finally
            {
                _manager.Release(searcher);
            }
        }
    }

    /// <summary>Makes changes committed since the last search visible.</summary>
    public void Refresh() => _manager.MaybeRefreshBlocking();

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var watch = Stopwatch.StartNew();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var text = SearchQueryBuilder.BuildText(Analyzer, query.Text, terms);
        var filter = SearchQueryBuilder.BuildFilter(Analyzer, query);
        if (text is null && filter is null)
        {
            return new SearchResults(0, [], watch.Elapsed);
        }

        var limit = Math.Max(1, query.Limit);
        var searcher = _manager.Acquire();
        try
        {
            searcher.Similarity = new BM25Similarity();
            var top = text is null
                ? searcher.Search(new MatchAllDocsQuery(), filter, limit, NewestFirst)
                : searcher.Search(text, filter, limit);
            var hits = new List<SearchHit>(top.ScoreDocs.Length);
            foreach (var sd in top.ScoreDocs)
            {
                var doc = searcher.Doc(sd.Doc);
                var title = doc.Get(SearchFields.Title);
                var body = doc.Get(SearchFields.Text) ?? "";
                hits.Add(new SearchHit(
                    doc.Get(SearchFields.Id),
                    float.IsNaN(sd.Score) ? 0f : sd.Score,
                    doc.Get(SearchFields.Outlet),
                    doc.Get(SearchFields.Published),
                    title is null ? Snippet.Empty : SnippetBuilder.Build(Analyzer, SearchFields.Title, title, terms, title.Length),
                    SnippetBuilder.Build(Analyzer, SearchFields.Text, body, terms, query.SnippetLength)));
            }

            return new SearchResults(top.TotalHits, hits, watch.Elapsed);
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (_ownsManager)
        {
            _manager.Dispose();
        }

        _directory?.Dispose();
    }

    /// <summary>Searchers that rank with BM25, as the index was written.</summary>
    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
