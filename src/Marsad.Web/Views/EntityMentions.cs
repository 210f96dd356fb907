using System.Text.Json;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// An entity's page: one page of the documents that mention it, each mention quoted from the document's own annotations
/// (the spans from its contract JSON, the quote from its text, read for the whole page at once).
/// </summary>
internal static class EntityMentions
{
    // An entity page opens on a screenful: its first events and a few quotes per document; the rest come page by page.
    public const int Events = 10;

    private const int QuotesPerDocument = 3;

    public static EntityDetail Detail(EntityRow entity, ReadCache cache, string? cursor, int limit)
    {
        var id = entity.Entity.Id;
        var documents = cache.Reader.EntityDocuments(id, new KnowledgeQuery { Cursor = cursor, Limit = limit });
        var quotes = new List<Quote>();
        cache.Prefetch(documents.Items.Select(d => d.Document), [], []);
        foreach (var d in documents.Items)
        {
            if (cache.Quotable(d.Document) is not { } doc || cache.Reader.DocumentJson(d.Document) is not { } json)
            {
                continue;
            }

            foreach (var (start, end) in Spans(json, id).Take(QuotesPerDocument))
            {
                quotes.Add(doc.Quote(start, end));
            }
        }

        var events = cache.Reader.Events(new KnowledgeQuery { Actor = id, Limit = Events });
        return new EntityDetail(EntityViews.Of(entity), quotes, documents.Next, EventViews.Of(events.Items, cache), events.Next);
    }

    // Where a document's contract JSON marks the entity, read without keeping (or copying) the parsed document.
    private static List<(int Start, int End)> Spans(string json, string entity)
    {
        var spans = new List<(int, int)>();
        try
        {
            using var parsed = JsonDocument.Parse(json);
            foreach (var m in Array(parsed.RootElement, "entities").Where(m => Str(m, "ref") == entity))
            {
                spans.Add((Int(m, "start") ?? 0, Int(m, "end") ?? 0));
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing is marked.
        }

        return spans;
    }
}
