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
/// <item>changes are visible to searches and durable only after <see cref="Commit"/>; disposing rolls back what was not
/// committed (a failed rebuild never leaves a half-empty index behind), and a killed process loses the uncommitted tail,
/// which <see cref="Sync"/> or <see cref="Rebuild"/> restores from the store, the source of truth;</item>
/// <item>the store's <see cref="IDocumentStore.ChangeStamp"/> is kept with a commit only by <see cref="Rebuild"/> and
/// <see cref="Sync"/>, taken before the store is read, so an index is never marked current for documents it lacks;</item>
/// <item>a document the index cannot take is skipped and named through <see cref="Skipped"/>; the others go on;</item>
/// <item>one writer per index folder, across processes: an exclusive lock on <see cref="LockFileName"/> (Lucene.NET's own
/// write lock does not hold across processes on Linux, so two writers used to corrupt the index); a second writer waits
/// up to <see cref="LockWait"/>, then fails with a clear message.</item>
/// </list>
/// </summary>
public sealed class DocumentIndex : IDisposable
{
    private const int BatchSize = 256;
    private const string StampKey = "marsad.store-stamp";

    /// <summary>The file a writer holds exclusively (an OS lock, released when the process dies) while it writes.</summary>
    public const string LockFileName = "marsad-writer.lock";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly FileStream? _lock;
    private int _skipped;

    private DocumentIndex(LuceneDirectory directory, string description, Analyzer? analyzer, FileStream? writerLock = null)
    {
        _directory = directory;
        _lock = writerLock;
        Description = description;
        Analyzer = analyzer ?? new ArabicSearchAnalyzer();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            WriteLockTimeout = (long)LockWait.TotalMilliseconds,
        };
        try
        {
            _writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException ex)
        {
            directory.Dispose();
            writerLock?.Dispose();
            throw Busy(description, ex);
        }
        catch
        {
            directory.Dispose();
            writerLock?.Dispose();
            throw;
        }
    }

    /// <summary>How long opening waits for another process's writer to finish before it gives up.</summary>
    public static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(10);

    public string Description { get; }

    public Analyzer Analyzer { get; }

    /// <summary>Told the id and the reason of each document the index could not take (it is left out, the rest goes on).</summary>
    public Action<string, string>? Skipped { get; set; }

    /// <summary>Documents left out since this index was opened.</summary>
    public int SkippedCount => Volatile.Read(ref _skipped);

    /// <summary>Documents in the index, committed or not.</summary>
    public int Count => _writer.NumDocs;

    /// <summary>Opens (creating when needed) the index in a folder.</summary>
    public static DocumentIndex Open(string path, Analyzer? analyzer = null)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(full);
        var writerLock = TakeWriterLock(full);
        return new DocumentIndex(FSDirectory.Open(new DirectoryInfo(full), new NativeFSLockFactory()), full, analyzer, writerLock);
    }

    /// <summary>An index in memory (tests, evaluation).</summary>
    public static DocumentIndex InMemory(Analyzer? analyzer = null) => new(new RAMDirectory(), "(memory)", analyzer);

    /// <summary>Adds or replaces the document; false (and <see cref="Skipped"/> told) when the index cannot take it.</summary>
    public bool Upsert(StoredDocument document) => Guard(document.Id, () => Upsert(IndexedDocument.From(document)));

    public void Upsert(IndexedDocument document) => _writer.UpdateDocument(new Term(SearchFields.Id, document.Id), ToLucene(document));

    public void Delete(string id) => _writer.DeleteDocuments(new Term(SearchFields.Id, id));

    public void Commit() => _writer.Commit();

    /// <summary>
    /// Empties the index and adds every stored document again (on every core); returns the count indexed. The empty index
    /// is never committed alone: the rebuild commits once, at the end, with the store's stamp.
    /// </summary>
    public int Rebuild(IDocumentStore store, Action<int>? progress = null)
    {
        var stamp = store.ChangeStamp();
        _writer.DeleteAll();
        var count = 0;
        Parallel.ForEach(store.All(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, d =>
        {
            if (!Guard(d.Id, () => _writer.AddDocument(ToLucene(IndexedDocument.From(d)))))
            {
                return;
            }

            var n = Interlocked.Increment(ref count);
            if (n % 1000 == 0)
            {
                progress?.Invoke(n);
            }
        });
        CommitAt(stamp);
        return count;
    }

    /// <summary>
    /// Brings the index in line with the store without a rebuild: adds or replaces the documents whose version differs,
    /// removes ids the store no longer has. Returns how many entries changed.
    /// </summary>
    public int Sync(IDocumentStore store)
    {
        var stamp = store.ChangeStamp();
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

        CommitAt(stamp);
        return changed;
    }

    /// <summary>
    /// Upserts a batch on every core and empties it: the writer is thread-safe, and building each entry (its contract
    /// JSON parsed) is most of the cost. Batches bound the rows held at once.
    /// </summary>
    private void UpsertAll(List<StoredDocument> batch)
    {
        Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, d => Upsert(d));
        batch.Clear();
    }

    /// <summary>
    /// <see cref="Sync"/> only when the store changed since the last sync through this method (its
    /// <see cref="IDocumentStore.ChangeStamp"/> is kept with the index's commit); returns how many entries changed.
    /// </summary>
    public int SyncIfChanged(IDocumentStore store) => IsCurrentWith(store.ChangeStamp()) ? 0 : Sync(store);

    /// <summary>Whether the last rebuild or sync saw the store as it is (<paramref name="stamp"/>).</summary>
    public bool IsCurrentWith(string stamp) => _writer.CommitData.TryGetValue(StampKey, out var synced) && synced == stamp;

    /// <summary>A search service that sees this writer's changes after each <see cref="Commit"/> (near real time).</summary>
    public SearchService CreateSearchService() => new(new SearcherManager(_writer, true, null), Analyzer, ownsManager: true);

    public void Dispose()
    {
        // Lucene 4.8 commits on close; what was not committed on purpose (a rebuild cut short) is dropped instead.
        if (_writer.HasUncommittedChanges())
        {
            _writer.Rollback();
        }
        else
        {
            _writer.Dispose();
        }

        _directory.Dispose();
        _lock?.Dispose();
    }

    /// <summary>The exclusive lock of an index folder (FileShare.None is an flock on Unix), waiting up to <see cref="LockWait"/>.</summary>
    private static FileStream TakeWriterLock(string folder)
    {
        var path = Path.Combine(folder, LockFileName);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw Busy(folder, ex);
                }

                Thread.Sleep(100);
            }
        }
    }

    private static InvalidOperationException Busy(string description, Exception inner) =>
        new($"the search index {description} is being written by another process (waited {LockWait.TotalSeconds:0} s); try again when it is done", inner);

    private void CommitAt(string stamp)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [StampKey] = stamp });
        _writer.Commit();
    }

    /// <summary>
    /// Runs one document's write; a document Lucene refuses (a term past its limits, say) is left out and named, and the
    /// writer goes on (Lucene marks the half-added document deleted).
    /// </summary>
    private bool Guard(string id, Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            Interlocked.Increment(ref _skipped);
            Skipped?.Invoke(id, ex.Message.ReplaceLineEndings(" ").Trim());
            return false;
        }
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

        return doc;
    }
}
