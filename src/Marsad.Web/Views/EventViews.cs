using System.Text.Json;
using Marsad.Knowledge;
using Marsad.Web.Api;
using static Marsad.Web.Views.JsonFields;

namespace Marsad.Web.Views;

/// <summary>
/// An event of the knowledge base as the API shows it: actors, targets and place named from the catalogue, and its
/// first mentions quoted (a list shows a few; the count says how many there are). A page of events is shown at once
/// (<see cref="Of(IEnumerable{EventRecord}, ReadCache, int)"/>): the documents it quotes and the entities it names are
/// read in one go.
/// </summary>
internal static class EventViews
{
    /// <summary>How many mentions of an event a list quotes.</summary>
    public const int QuotedMentions = 3;

    public static List<EventView> Of(IEnumerable<EventRecord> records, ReadCache cache, int quoted = QuotedMentions)
    {
        var parsed = records.Select(r => (Record: r, Json: Parse(r.Json))).ToList();
        cache.Prefetch(
            parsed.SelectMany(p => Mentions(p.Json).Select(m => m.Doc).Distinct(StringComparer.Ordinal).Take(quoted)),
            [],
            parsed.SelectMany(p => Strings(p.Json, "actors").Concat(Strings(p.Json, "targets")).Append(p.Record.Place ?? Str(p.Json, "place")).OfType<string>()));
        return [.. parsed.Select(p => Of(p.Record, p.Json, cache, quoted))];
    }

    public static EventView Of(EventRecord record, ReadCache cache, int quoted = QuotedMentions) => Of([record], cache, quoted)[0];

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

    private static EventView Of(EventRecord record, JsonElement e, ReadCache cache, int quoted)
    {
        var mentions = Mentions(e);
        var quotes = new List<Quote>();
        foreach (var m in mentions)
        {
            if (quotes.Count == quoted)
            {
                break;
            }

            if (cache.Quotable(m.Doc) is { } doc)
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

    private static List<(string Doc, int Start, int End)> Mentions(JsonElement e) =>
        [.. Array(e, "mentions").Select(m => (Doc: Str(m, "doc") ?? "", Start: Int(m, "start") ?? 0, End: Int(m, "end") ?? 0))];

    private static List<EntityRef> Refs(IReadOnlyList<string> ids, ReadCache cache) =>
        [.. ids.Select(id => new EntityRef(id, cache.Name(id)))];
}
