using Marsad.Knowledge;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;

namespace Marsad.Web.Views;

/// <summary>
/// A story as lists and its page show it. Its page reads only what it shows: the first <see cref="Sources"/> documents
/// with their text, the first <see cref="Events"/> events, its discrepancies, duplicates (at most <see cref="Rows"/>
/// each) and framing table; the rest is paged through the list endpoints.
/// </summary>
internal static class StoryViews
{
    public const int Sources = 20;

    public const int Events = 100;

    public const int Rows = 200;

    public static StorySummary Of(StoryRecord s) => new(s.Id, s.Title, s.First, s.Last, s.Documents, s.Outlets, s.Discrepancies, s.Events);

    public static StoryDetail Detail(StoryRecord story, ReadCache cache)
    {
        var reader = cache.Reader;
        var of = new KnowledgeQuery { Story = story.Id };
        // The sources' texts are read first: the discrepancies' outlets and the events' quotes are mostly of them.
        var documents = reader.Documents(of with { Limit = Sources });
        cache.Prefetch(documents.Items.Select(d => d.Id), [], []);
        var discrepancies = DiscrepancyViews.Of(reader.Discrepancies(of with { Limit = Rows }).Items, cache);
        var sources = new List<StorySource>();
        foreach (var row in documents.Items)
        {
            if (cache.Quotable(row.Id) is { } doc)
            {
                sources.Add(new StorySource(DocumentViews.Of(row), doc.Text, DiscrepancyViews.Claims(doc, discrepancies)));
            }
        }

        var events = reader.Events(of with { Limit = Events });
        var eventViews = EventViews.Of(events.Items, cache);
        var timeline = eventViews.Select(EventViews.Timeline)
            .Concat(sources.Select(s => Publication(s.Document)))
            .OrderBy(t => t.Date ?? "9999", StringComparer.Ordinal)
            .ThenBy(t => t.Kind == "event" ? 0 : 1)
            .ThenBy(t => t.Doc, StringComparer.Ordinal)
            .ToList();
        var duplicates = reader.Duplicates(of with { Limit = Rows }).Items.Select(d => new DuplicateView(d.A, d.B, d.Similarity)).ToList();
        return new StoryDetail(Of(story), sources, documents.Next, timeline, discrepancies, KnowledgeRowJson.Framing(reader.Framing(story.Id)),
            eventViews, events.Next, duplicates);
    }

    /// <summary>A line of the timeline for a document's publication.</summary>
    public static TimelineEntry Publication(DocumentSummary d) =>
        new(d.Published, "document", d.Story, d.Id, d.Outlet, d.Title ?? d.Id, null, null, null);

}
