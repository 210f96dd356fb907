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
/// which <see cref="CatchUp"/> or <see cref="Rebuild"/> restores from the store, the source of truth;</item>
/// <item>the store's <see cref="IDocumentStore.ChangeStamp"/> and the <see cref="Mark"/> of the last write followed are
/// kept with a commit only by <see cref="Rebuild"/> and <see cref="CatchUp"/> (the stamp taken before the store is read),
/// so an index is never marked current for documents it lacks, and a catch-up reads only what was written since;</item>
/// <item>a document the index cannot take is skipped and named through <see cref="Skipped"/>; the others go on;</item>
/// <item>one writer per index folder, across processes: an exclusive lock on <see cref="LockFileName"/> (Lucene.NET's own
/// write lock does not hold across processes on Linux, so two writers used to corrupt the index); a second writer waits
/// up to <see cref="LockWait"/>, then fails with a clear message.</item>
/// </list>
/// </summary>
public sealed class DocumentIndex : IDisposable
{
    // Changes read per query; each page's stale documents are read in full at once.
    private const int PageSize = 1000;

    // The writer's buffer while it rebuilds (the default one flushes a new segment every few thousand documents).
    private const double RebuildBufferMB = 256;
    internal const string StampKey = "marsad.store-stamp";
    private const string MarkKey = "marsad.store-mark";

    private static readonly HashSet<string> VersionField = [SearchFields.Version];

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

    /// <summary>
    /// How far before the kept mark a catch-up reads again: writes commit in time order in both stores, so this only
    /// covers a clock set back between two writers' processes.
    /// </summary>
    public static TimeSpan Overlap { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The last document write the index has followed (kept with its commit), or null.</summary>
    public DocumentMark? Mark => _writer.CommitData.TryGetValue(MarkKey, out var text) && DocumentMark.TryParse(text, out var mark) ? mark : null;

    /// <summary>Documents in the index, committed or not.</summary>
    public int Count => _writer.NumDocs;

    /// <summary>Opens (creating when needed) the index in a folder, waiting up to <see cref="LockWait"/> for another writer.</summary>
    public static DocumentIndex Open(string path, Analyzer? analyzer = null)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(full);
        var writerLock = TakeWriterLock(full, LockWait)!;
        return new DocumentIndex(FSDirectory.Open(new DirectoryInfo(full), new NativeFSLockFactory()), full, analyzer, writerLock);
    }

    /// <summary>
    /// Opens (creating when needed) the index in a folder if no other process writes it now; null when one does (a
    /// follower such as <c>serve</c> then leaves the writing to it and only reads its commits).
    /// </summary>
    public static DocumentIndex? TryOpen(string path, Analyzer? analyzer = null)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(full);
        return TakeWriterLock(full, TimeSpan.Zero) is { } writerLock
            ? new DocumentIndex(FSDirectory.Open(new DirectoryInfo(full), new NativeFSLockFactory()), full, analyzer, writerLock)
            : null;
    }

    /// <summary>An index in memory (tests, evaluation).</summary>
    public static DocumentIndex InMemory(Analyzer? analyzer = null) => new(new RAMDirectory(), "(memory)", analyzer);

    /// <summary>Adds or replaces the document; false (and <see cref="Skipped"/> told) when the index cannot take it.</summary>
    public bool Upsert(StoredDocument document) => Guard(document.Id, () => Upsert(IndexedDocument.From(document)));

    public void Upsert(IndexedDocument document) => _writer.UpdateDocument(new Term(SearchFields.Id, document.Id), ToLucene(document));

    public void Delete(string id) => _writer.DeleteDocuments(new Term(SearchFields.Id, id));

    public void Commit() => _writer.Commit();

    /// <summary>
    /// Empties the index and adds every stored document again, page by page in the order they were written (each page on
    /// every core); returns the count indexed. The empty index is never committed alone: the rebuild commits once, at the
    /// end, with the store's stamp and the mark of the last document read.
    /// </summary>
    public int Rebuild(IDocumentStore store, Action<int>? progress = null)
    {
        var stamp = store.ChangeStamp();
        _writer.DeleteAll();
        // A rebuild writes every document: a larger buffer flushes fewer, larger segments, so fewer merges follow.
        var buffer = _writer.Config.RAMBufferSizeMB;
        _writer.Config.RAMBufferSizeMB = Math.Max(buffer, RebuildBufferMB);
        try
        {
            return Follow(store, stamp, null, null, compare: false, progress);
        }
        finally
        {
            _writer.Config.RAMBufferSizeMB = buffer;
        }
    }

    /// <summary>
    /// Brings the index in line with the store without a rebuild, when the store's stamp differs from the one kept with
    /// the last commit: reads the documents written since the kept mark (less <see cref="Overlap"/>) page by page, and
    /// reads in full and indexes only those whose version differs from the indexed one; commits the stamp and the new mark.
    /// Returns how many documents were indexed (0 when the index was current). Nothing else of the store is read.
    /// </summary>
    public int CatchUp(IDocumentStore store, Action<int>? progress = null)
    {
        var stamp = store.ChangeStamp();
        if (IsCurrentWith(stamp))
        {
            return 0;
        }

        var mark = Mark;
        return Follow(store, stamp, mark?.Before(Overlap), mark, compare: Count > 0, progress);
    }

    /// <summary>
    /// Reads the store's changes after <paramref name="from"/> and indexes those the index lacks (all of them unless
    /// <paramref name="compare"/>), then commits <paramref name="stamp"/> (taken before reading, so the index is never
    /// marked current for documents it lacks) and the latest mark seen. Upserts are idempotent: a document read twice
    /// (the overlap, or written again meanwhile) is only compared, or indexed again. The next page is read from the store
    /// while the current one is indexed, so the cores index without waiting for the store.
    /// </summary>
    private int Follow(IDocumentStore store, string stamp, DocumentMark? from, DocumentMark? mark, bool compare, Action<int>? progress)
    {
        using var reader = compare ? _writer.GetReader(true) : null;
        var searcher = reader is null ? null : new IndexSearcher(reader);
        var indexed = 0;
        var start = from;
        var next = Task.Run(() => ReadPage(store, start, searcher));
        try
        {
            Pages();
        }
        catch
        {
            // The page being read ahead is waited for, so it never reads a store or a searcher its caller has closed.
            try
            {
                next.Wait();
            }
            catch (AggregateException)
            {
                // The first failure is the one reported.
            }

            throw;
        }

        CommitAt(stamp, mark);
        return indexed;

        void Pages()
        {
            while (true)
            {
                var (page, documents) = next.GetAwaiter().GetResult();
                if (page.Count == 0)
                {
                    break;
                }

                from = page[^1].Mark;
                var more = page.Count == PageSize;
                if (more)
                {
                    var after = from;
                    next = Task.Run(() => ReadPage(store, after, searcher));
                }

                if (documents.Count > 0)
                {
                    Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, d =>
                    {
                        if (compare ? Upsert(d) : Guard(d.Id, () => _writer.AddDocument(ToLucene(IndexedDocument.From(d)))))
                        {
                            Interlocked.Increment(ref indexed);
                        }
                    });
                    progress?.Invoke(indexed);
                }

                if (mark is null || from.Value.CompareTo(mark.Value) > 0)
                {
                    mark = from;
                }

                if (!more)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A page of the store's changes after <paramref name="from"/>, and the documents of it the index lacks, read in full.</summary>
    private static (IReadOnlyList<DocumentChange> Page, IReadOnlyList<StoredDocument> Documents) ReadPage(IDocumentStore store, DocumentMark? from, IndexSearcher? searcher)
    {
        var page = store.ChangedSince(from, PageSize);
        var stale = page.Where(c => searcher is null || IndexedVersion(searcher, c.Id) != c.ContentHash + "/" + c.AnalyzerVersion)
            .Select(c => c.Id).ToList();
        return (page, stale.Count > 0 ? store.GetMany(stale) : []);
    }

    /// <summary>Whether the last rebuild or catch-up saw the store as it is (<paramref name="stamp"/>).</summary>
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

    /// <summary>
    /// The exclusive lock of an index folder (FileShare.None is an flock on Unix), waiting up to <paramref name="wait"/>:
    /// past it, a wait of zero gives null and any other fails with a clear message.
    /// </summary>
    private static FileStream? TakeWriterLock(string folder, TimeSpan wait)
    {
        var path = Path.Combine(folder, LockFileName);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (wait == TimeSpan.Zero)
                {
                    return null;
                }

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

    private void CommitAt(string stamp, DocumentMark? mark)
    {
        var data = new Dictionary<string, string> { [StampKey] = stamp };
        if (mark is { } m)
        {
            data[MarkKey] = m.Format();
        }

        _writer.SetCommitData(data);
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

    /// <summary>The version the index holds for an id, or null when the id is not indexed.</summary>
    private static string? IndexedVersion(IndexSearcher searcher, string id)
    {
        var top = searcher.Search(new TermQuery(new Term(SearchFields.Id, id)), 1);
        return top.TotalHits == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc, VersionField).Get(SearchFields.Version) ?? "";
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
