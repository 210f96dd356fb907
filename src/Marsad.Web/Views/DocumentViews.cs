using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// A stored document as lists and its page show it. Its page highlights its own annotations (times, entities,
/// quantities, quotes, from its contract object) and the mentions of its story's events; spans outside the text are dropped.
/// </summary>
internal static class DocumentViews
{
    public static DocumentSummary Of(DocumentRow r) => new(r.Id, r.Title, r.Outlet, r.Published, r.PublishedFrom, r.Story, r.Url, r.Length);

    public static DocumentDetail Detail(DocumentText doc, ReadCache cache)
    {
        var json = doc.Json;
        var highlights = new List<Highlight>();
        foreach (var t in Array(json, "times"))
        {
            highlights.Add(new Highlight(Int(t, "start") ?? 0, Int(t, "end") ?? 0, "time", Str(t, "value") ?? Str(t, "kind") ?? "", null));
        }

        foreach (var m in Array(json, "entities"))
        {
            var r = Str(m, "ref");
            var name = r is not null ? cache.Name(r) : Str(m, "text") ?? "";
            highlights.Add(new Highlight(Int(m, "start") ?? 0, Int(m, "end") ?? 0, "entity-" + (Str(m, "type") ?? "MISC"), name, r));
        }

        foreach (var q in Array(json, "quantities"))
        {
            highlights.Add(new Highlight(Int(q, "start") ?? 0, Int(q, "end") ?? 0, "quantity", Str(q, "unit") ?? "", null));
        }

        foreach (var q in Array(json, "quotes"))
        {
            highlights.Add(new Highlight(Int(q, "start") ?? 0, Int(q, "end") ?? 0, "quote", Str(q, "cue") ?? "", Str(q, "speaker")));
        }

        if (doc.Summary.Story is { } story)
        {
            // The events of its story that it mentions, found by the document (a story may hold thousands of events).
            var events = KnowledgeReaders.All(cache.Reader.Events, new KnowledgeQuery { Story = story, Document = doc.Summary.Id, Limit = KnowledgeQuery.MaxLimit });
            foreach (var e in events)
            {
                foreach (var m in Array(Parse(e.Json), "mentions").Where(m => Str(m, "doc") == doc.Summary.Id))
                {
                    highlights.Add(new Highlight(Int(m, "start") ?? 0, Int(m, "end") ?? 0, "event", e.Type, e.Id));
                }
            }
        }

        highlights.RemoveAll(h => h.Start < 0 || h.End > doc.Text.Length || h.End <= h.Start);
        highlights.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new DocumentDetail(doc.Summary, doc.Text, highlights, json);
    }
}
