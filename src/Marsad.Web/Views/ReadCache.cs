using System.Text.Json;
using Marsad.Storage.Knowledge;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// What one request has already read: documents and entities named by several items of a page (the events of a story
/// quote the same few documents) are read from the store once per request, never kept beyond it. A page's views name
/// what they will need first (<see cref="Prefetch"/>), so it is read in one statement per kind rather than one per item;
/// a quote reads a document's text, never its contract JSON (about 20 KB, parsed only for a document's own page).
/// </summary>
public sealed class ReadCache(IKnowledgeReader reader)
{
    private readonly Dictionary<string, DocumentText?> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentText?> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentRow?> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityRow?> _entities = new(StringComparer.Ordinal);

    public IKnowledgeReader Reader => reader;

    /// <summary>Reads at once the texts of <paramref name="documents"/>, the summaries of <paramref name="summaries"/> and the entities of <paramref name="entities"/> not read yet.</summary>
    public void Prefetch(IEnumerable<string> documents, IEnumerable<string> summaries, IEnumerable<string> entities)
    {
        var texts = Missing(documents, _texts);
        if (texts.Count > 0)
        {
            foreach (var row in reader.DocumentTexts(texts))
            {
                _texts[row.Row.Id] = DocumentText.Of(row);
                _summaries[row.Row.Id] = row.Row;
            }

            Settle(texts, _texts);
        }

        var rows = Missing(summaries, _summaries);
        if (rows.Count > 0)
        {
            foreach (var row in reader.DocumentRows(rows))
            {
                _summaries[row.Id] = row;
            }

            Settle(rows, _summaries);
        }

        var ids = Missing(entities, _entities);
        if (ids.Count > 0)
        {
            foreach (var row in reader.EntityRows(ids))
            {
                _entities[row.Entity.Id] = row;
            }

            Settle(ids, _entities);
        }
    }

    /// <summary>A document with its contract JSON (its own page, an entity's mentions).</summary>
    internal DocumentText? Document(string id, string? story = null)
    {
        if (!_documents.TryGetValue(id, out var doc))
        {
            _documents[id] = doc = reader.DocumentJson(id) is { } json ? DocumentText.Of(json, story) : null;
        }

        return doc;
    }

    /// <summary>A document to quote: its summary and text.</summary>
    internal DocumentText? Quotable(string id)
    {
        if (_texts.TryGetValue(id, out var doc) || _documents.TryGetValue(id, out doc))
        {
            return doc;
        }

        Prefetch([id], [], []);
        return _texts[id];
    }

    /// <summary>A document's summary (its outlet, title, story).</summary>
    internal DocumentRow? Summary(string id)
    {
        if (_summaries.TryGetValue(id, out var row))
        {
            return row;
        }

        Prefetch([], [id], []);
        return _summaries[id];
    }

    public EntityRow? Entity(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            _entities[id] = entity = reader.Entity(id);
        }

        return entity;
    }

    /// <summary>The display name of an entity id: the catalogue's name, else the id itself.</summary>
    public string Name(string id) => Entity(id)?.Entity.Name ?? id;

    /// <summary>The contract object of an entity (lat, lon, nameEn, aliases), or an empty object.</summary>
    public static JsonElement Json(EntityRow row) => Parse(row.Entity.Json);

    private static List<string> Missing<T>(IEnumerable<string> ids, Dictionary<string, T> read) =>
        [.. ids.Where(id => !read.ContainsKey(id)).Distinct(StringComparer.Ordinal)];

    // An id the store does not know is remembered as such, so it is not asked for again.
    private static void Settle<T>(List<string> asked, Dictionary<string, T?> read)
    {
        foreach (var id in asked)
        {
            read.TryAdd(id, default);
        }
    }
}
