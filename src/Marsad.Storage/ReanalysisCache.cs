using Marsad.Model;

namespace Marsad.Storage;

/// <summary>
/// Annotated documents kept between reloads of one store, so that a reload annotates only the rows that are new or
/// changed. Rules:
/// <list type="bullet">
/// <item>a document is reused only while its stored row is unchanged: every column but the contract JSON (which the
/// engine derives from the rest) compares equal, analyzer version included;</item>
/// <item>its publication date is reset to the row's on reuse, because the corpus stage dates undated documents from
/// their story in place;</item>
/// <item>a document the corpus stage annotated again with a story's date is kept per date, for the next reload;</item>
/// <item>rows gone from the store are forgotten at the next reload. Not thread-safe: one reload at a time.</item>
/// </list>
/// </summary>
public sealed class ReanalysisCache
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _next = new(StringComparer.Ordinal);

    /// <summary>How many documents the last reload reused and how many it annotated.</summary>
    public (int Reused, int Annotated) LastReload { get; private set; }

    internal void BeginReload()
    {
        _next = new Dictionary<string, Entry>(_entries.Count, StringComparer.Ordinal);
        LastReload = default;
    }

    internal Document? Reuse(StoredDocument row)
    {
        var key = row.Json.Length == 0 ? row : row with { Json = "" };
        if (_entries.TryGetValue(row.Id, out var entry) && entry.Row == key)
        {
            _next[row.Id] = entry;
            LastReload = (LastReload.Reused + 1, LastReload.Annotated);
            return entry.Document;
        }

        return null;
    }

    internal void Keep(StoredDocument row, Document document)
    {
        _next[row.Id] = new Entry(row.Json.Length == 0 ? row : row with { Json = "" }, document);
        LastReload = (LastReload.Reused, LastReload.Annotated + 1);
    }

    internal void EndReload() => _entries = _next;

    /// <summary>
    /// The document annotated again under the date its story gave it: the copy made at an earlier reload when the
    /// document and the date are unchanged, else a fresh one from <paramref name="reannotate"/>.
    /// </summary>
    public Document Redated(Document dated, Func<Document, Document> reannotate)
    {
        if (!_entries.TryGetValue(dated.Id, out var entry) || !ReferenceEquals(entry.Document, dated))
        {
            return reannotate(dated);
        }

        if (entry.RedatedOn == dated.Published && entry.Redated is { } kept)
        {
            return kept;
        }

        var fresh = reannotate(dated);
        entry.RedatedOn = dated.Published;
        entry.Redated = fresh;
        return fresh;
    }

    private sealed class Entry(StoredDocument row, Document document)
    {
        public StoredDocument Row { get; } = row;

        public Document Document { get; } = document;

        public DateOnly? RedatedOn { get; set; }

        public Document? Redated { get; set; }
    }
}
