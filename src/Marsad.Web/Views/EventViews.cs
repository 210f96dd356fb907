using Marsad.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// An event of the knowledge base as the API shows it: actors, targets and place named from the catalogue, and its
/// first mentions quoted (a list shows a few; the count says how many there are).
/// </summary>
internal static class EventViews
{
    /// <summary>How many mentions of an event a list quotes.</summary>
    public const int QuotedMentions = 3;

    public static EventView Of(EventRecord record, ReadCache cache, int quoted = QuotedMentions)
    {
        var e = Parse(record.Json);
        var mentions = Array(e, "mentions")
            .Select(m => (Doc: Str(m, "doc") ?? "", Start: Int(m, "start") ?? 0, End: Int(m, "end") ?? 0))
            .ToList();
        var quotes = new List<Quote>();
        foreach (var m in mentions)
        {
            if (quotes.Count == quoted)
            {
                break;
            }

            if (cache.Document(m.Doc) is { } doc)
            {
                quotes.Add(doc.Quote(m.Start, m.End));
            }
        }

        var placeId = record.Place ?? Str(e, "place");
        var place = placeId is null ? null : new PlaceView(placeId, cache.Name(placeId), record.Lat, record.Lon);
        return new EventView(
            record.Id,
            record.Type,
            Str(e, "cameo"),
            record.Date,
            Refs(Strings(e, "actors"), cache),
            Refs(Strings(e, "targets"), cache),
            place,
            Strings(e, "weapons"),
            record.Killed ?? Num(e, "killed"),
            Num(e, "injured"),
            record.Story is null ? [] : [record.Story],
            quotes,
            mentions.Count);
    }

    /// <summary>A line of the timeline for an event: its place (else its actors) and its first quoted sentence.</summary>
    public static TimelineEntry Timeline(EventView e)
    {
        var first = e.Mentions.FirstOrDefault();
        var label = e.Place?.Name ?? string.Join("، ", e.Actors.Select(a => a.Name));
        return new TimelineEntry(e.Date, "event", e.Stories.FirstOrDefault(), first?.Doc, first?.Outlet, label, e.Id, e.Type, first?.Sentence);
    }

    /// <summary>A point of the map for an event at a known place, or null.</summary>
    public static MapMarker? Marker(EventView e) =>
        e.Place is { Lat: { } lat, Lon: { } lon } place
            ? new MapMarker("event", e.Id, e.Type, place.Name, lat, lon, e.Date, e.Stories, e.Mentions)
            : null;

    private static List<EntityRef> Refs(IReadOnlyList<string> ids, ReadCache cache) =>
        [.. ids.Select(id => new EntityRef(id, cache.Name(id)))];
}
