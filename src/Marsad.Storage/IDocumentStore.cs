namespace Marsad.Storage;

/// <summary>
/// Where analyzed documents live. Every implementation writes a document (or a batch of them) in one transaction, so an
/// interrupted run leaves only whole documents, and keys documents by id and content hash, so the
/// same input analyzed twice is stored once.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>A human-readable description of the store (e.g. the SQLite file path).</summary>
    string Description { get; }

    /// <summary>The content hash stored for the document, or null when it is not stored.</summary>
    string? GetContentHash(string id);

    /// <summary>Inserts or replaces the document in one transaction; returns <see cref="SaveResult.Unchanged"/> when the same id already holds the same hash.</summary>
    SaveResult Save(StoredDocument document);

    /// <summary>
    /// Saves the documents in their order in one transaction, each with the rules of <see cref="Save"/> (unchanged when
    /// the same id holds the same hash, engine and date; every other save counted in <see cref="ChangeStamp"/> and written
    /// with its own write time, in order; a later document of the same id is saved over an earlier one), and returns
    /// what each save did. A failure stores none of them: the caller may save them one by one to name the one at fault.
    /// </summary>
    IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<StoredDocument> documents);

    StoredDocument? Get(string id);

    /// <summary>Every stored document, in id order.</summary>
    IEnumerable<StoredDocument> All();

    /// <summary>The stored documents of these ids (those the store has), in no particular order.</summary>
    IReadOnlyList<StoredDocument> GetMany(IReadOnlyCollection<string> ids);

    int Count();

    /// <summary>
    /// A short text that changes whenever a document is added or replaced, or knowledge is applied (the numbers of saves
    /// and of changes, kept in one row), so a reader such as the search index can tell cheaply whether it has fallen behind.
    /// </summary>
    string ChangeStamp();

    /// <summary>
    /// The documents written after <paramref name="after"/> (all of them when null), oldest write first, at most
    /// <paramref name="limit"/>: one indexed range of (write time, id), so a follower reads what changed and nothing else.
    /// Writes commit in the order of their times (each store takes its time inside the write's lock).
    /// </summary>
    IReadOnlyList<DocumentChange> ChangedSince(DocumentMark? after, int limit);
}
