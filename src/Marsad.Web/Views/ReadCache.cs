using System.Text.Json;
using Marsad.Storage.Knowledge;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// What one request has already read: documents and entities named by several items of a page (the events of a story
/// quote the same few documents) are read from the store once per request, never kept beyond it.
/// </summary>
public sealed class ReadCache(IKnowledgeReader reader)
{
    private readonly Dictionary<string, DocumentText?> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityRow?> _entities = new(StringComparer.Ordinal);

    public IKnowledgeReader Reader => reader;

    internal DocumentText? Document(string id, string? story = null)
    {
        if (!_documents.TryGetValue(id, out var doc))
        {
            _documents[id] = doc = reader.DocumentJson(id) is { } json ? DocumentText.Of(json, story) : null;
        }

        return doc;
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
}
