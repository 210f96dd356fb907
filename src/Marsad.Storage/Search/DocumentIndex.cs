using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marsad.Storage.Search;

/// <summary>
/// The Lucene index over the store: one entry per document id, written with <see cref="ArabicSearchAnalyzer"/> and
/// ranked with BM25. Rules:
/// <list type="bullet">
/// <item>an upsert replaces the entry with the same id (delete + add in one step), so re-analysis never duplicates;</item>
/// <item>changes are visible to searches and durable only after <see cref="Commit"/>; a killed process loses the
/// uncommitted tail, which <see cref="Sync"/> or <see cref="Rebuild"/> restores from the store, the source of truth;</item>
/// <item>one writer per index folder (Lucene's write lock): a second writer fails with a clear message.</item>
/// </list>
/// </summary>
public sealed class DocumentIndex : IDisposable
{
    private const int BatchSize = 256;
    private const string StampKey = "marsad.store-stamp";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;

    private DocumentIndex(LuceneDirectory directory, string description, Analyzer? analyzer)
    {
        _directory = directory;
        Description = description;
        Analyzer = analyzer ?? new ArabicSearchAnalyzer();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        try
        {
            _writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException ex)
        {
            directory.Dispose();
            throw new InvalidOperationException($"the search index {description} is being written by another process", ex);
        }
    }

    public string Description { get; }

    public Analyzer Analyzer { get; }

    /// <summary>Documents in the index, committed or not.</summary>
    public int Count => _writer.NumDocs;

    /// <summary>Opens (creating when needed) the index in a folder.</summary>
    public static DocumentIndex Open(string path, Analyzer? analyzer = null)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(full);
        return new DocumentIndex(FSDirectory.Open(full), full, analyzer);
    }

    /// <summary>An index in memory (tests, evaluation).</summary>
    public static DocumentIndex InMemory(Analyzer? analyzer = null) => new(new RAMDirectory(), "(memory)", analyzer);

    public void Upsert(StoredDocument document) => Upsert(IndexedDocument.From(document));

    public void Upsert(IndexedDocument document) => _writer.UpdateDocument(new Term(SearchFields.Id, document.Id), ToLucene(document));

    public void Delete(string id) => _writer.DeleteDocuments(new Term(SearchFields.Id, id));

    public void Commit() => _writer.Commit();

    /// <summary>Empties the index and adds every stored document again (two threads analyze); returns the count.</summary>
    public int Rebuild(IDocumentStore store, Action<int>? progress = null)
    {
        _writer.DeleteAll();
        var count = 0;
        Parallel.ForEach(store.All(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, d =>
        {
            _writer.AddDocument(ToLucene(IndexedDocument.From(d)));
            var n = Interlocked.Increment(ref count);
            if (n % 1000 == 0)
            {
                progress?.Invoke(n);
            }
        });
        _writer.Commit();
        return count;
    }

    /// <summary>
    /// Brings the index in line with the store without a rebuild: adds or replaces the documents whose version differs,
    /// removes ids the store no longer has. Returns how many entries changed.
    /// </summary>
    public int Sync(IDocumentStore store)
    {
        var indexed = IndexedVersions();
        var batch = new List<StoredDocument>(BatchSize);
        var changed = 0;
        foreach (var d in store.All())
        {
            if (!indexed.Remove(d.Id, out var version) || version != IndexedDocument.VersionOf(d))
            {
                batch.Add(d);
                changed++;
                if (batch.Count == BatchSize)
                {
                    UpsertAll(batch);
                }
            }
        }

        UpsertAll(batch);
        foreach (var id in indexed.Keys)
        {
            Delete(id);
            changed++;
        }

        _writer.Commit();
        return changed;
    }

    /// <summary>
    /// Upserts a batch on every core and empties it: the writer is thread-safe, and building each entry (its contract
    /// JSON parsed) is most of the cost. Batches bound the rows held at once.
    /// </summary>
    private void UpsertAll(List<StoredDocument> batch)
    {
        Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, Upsert);
        batch.Clear();
    }

    /// <summary>
    /// <see cref="Sync"/> only when the store changed since the last sync through this method (its
    /// <see cref="IDocumentStore.ChangeStamp"/> is kept with the index's commit); returns how many entries changed.
    /// </summary>
    public int SyncIfChanged(IDocumentStore store)
    {
        var stamp = store.ChangeStamp();
        if (_writer.CommitData.TryGetValue(StampKey, out var synced) && synced == stamp)
        {
            return 0;
        }

        _writer.SetCommitData(new Dictionary<string, string> { [StampKey] = stamp });
        return Sync(store);
    }

    /// <summary>A search service that sees this writer's changes after each <see cref="Commit"/> (near real time).</summary>
    public SearchService CreateSearchService() => new(new SearcherManager(_writer, true, null), Analyzer, ownsManager: true);

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    private Dictionary<string, string> IndexedVersions()
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = _writer.GetReader(true);
        var live = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { SearchFields.Id, SearchFields.Version };
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (live is not null && !live.Get(i))
            {
                continue;
            }

            var doc = reader.Document(i, fields);
            versions[doc.Get(SearchFields.Id)] = doc.Get(SearchFields.Version) ?? "";
        }

        return versions;
    }

    private static Document ToLucene(IndexedDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, d.Id, Field.Store.YES),
            new StoredField(SearchFields.Version, d.Version),
            new TextField(SearchFields.Text, d.Text, Field.Store.YES),
        };
        if (!string.IsNullOrWhiteSpace(d.Title))
        {
            doc.Add(new TextField(SearchFields.Title, d.Title, Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.Outlet))
        {
            doc.Add(new StoredField(SearchFields.Outlet, d.Outlet));
            doc.Add(new StringField(SearchFields.OutletKey, SearchKeys.Outlet(d.Outlet), Field.Store.NO));
        }

        if (SearchKeys.Day(d.Published) is { } day)
        {
            doc.Add(new StoredField(SearchFields.Published, d.Published));
            doc.Add(new Int32Field(SearchFields.PublishedDay, day, Field.Store.NO));
        }

        foreach (var e in d.Entities)
        {
            doc.Add(new TextField(SearchFields.Entities, e, Field.Store.NO));
        }

        foreach (var t in d.EventTypes)
        {
            doc.Add(new StringField(SearchFields.EventType, SearchKeys.EventType(t), Field.Store.NO));
        }

        return doc;
    }
}
