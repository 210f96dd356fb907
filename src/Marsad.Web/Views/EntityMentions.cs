using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>An entity's page: one page of the documents that mention it, each mention quoted from the document's own annotations.</summary>
internal static class EntityMentions
{
    public const int Events = 50;

    public static EntityDetail Detail(EntityRow entity, ReadCache cache, string? cursor, int limit)
    {
        var id = entity.Entity.Id;
        var documents = cache.Reader.EntityDocuments(id, new KnowledgeQuery { Cursor = cursor, Limit = limit });
        var quotes = new List<Quote>();
        foreach (var d in documents.Items)
        {
            if (cache.Document(d.Document) is not { } doc)
            {
                continue;
            }

            foreach (var m in Array(doc.Json, "entities").Where(m => Str(m, "ref") == id))
            {
                quotes.Add(doc.Quote(Int(m, "start") ?? 0, Int(m, "end") ?? 0));
            }
        }

        var events = cache.Reader.Events(new KnowledgeQuery { Actor = id, Limit = Events });
        return new EntityDetail(EntityViews.Of(entity), quotes, documents.Next, EventViews.Of(events.Items, cache), events.Next);
    }
}
