using System.Text.Json;
using Marsad.Model;

namespace Marsad.Knowledge;

/// <summary>
/// Gives a recomputed story's merged events their ids. Rules: an event that shares mentions (document and trigger
/// offset) with an event kept before takes that event's id, the pairs sharing most first (each old id goes to one
/// event); any other event takes a new id from its first mention (<see cref="StableIds.Event"/>), never one kept before.
/// </summary>
public static class EventIds
{
    /// <param name="events">The story's events as <see cref="Corpus.Events.EventMerger"/> made them.</param>
    /// <param name="previous">The events kept for the story and for the stories merged into it.</param>
    /// <param name="given">Ids already given in this run (updated here): a stored story split in two gives each old id once.</param>
    public static IReadOnlyList<CorpusEvent> Assign(IReadOnlyList<CorpusEvent> events, IEnumerable<EventRecord> previous, HashSet<string> given)
    {
        var old = previous.DistinctBy(r => r.Id).Where(r => !given.Contains(r.Id)).Select(r => (r.Id, Mentions: Mentions(r.Json))).ToList();
        var oldIds = old.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

        var pairs = new List<(int Event, int Old, int Shared)>();
        for (var e = 0; e < events.Count; e++)
        {
            var own = events[e].Mentions.Select(m => (m.Doc, m.Mention.Trigger.Start)).ToHashSet();
            for (var o = 0; o < old.Count; o++)
            {
                var shared = old[o].Mentions.Count(own.Contains);
                if (shared > 0)
                {
                    pairs.Add((e, o, shared));
                }
            }
        }

        var ids = new string?[events.Count];
        var used = new bool[old.Count];
        foreach (var (e, o, _) in pairs.OrderByDescending(p => p.Shared).ThenBy(p => p.Event).ThenBy(p => old[p.Old].Id, StringComparer.Ordinal))
        {
            if (ids[e] is null && !used[o])
            {
                ids[e] = old[o].Id;
                used[o] = true;
            }
        }

        var result = new List<CorpusEvent>(events.Count);
        for (var e = 0; e < events.Count; e++)
        {
            var id = ids[e];
            if (id is null)
            {
                var first = events[e].Mentions[0];
                id = StableIds.Event(first.Doc, first.Mention.Trigger.Start, x => given.Contains(x) || oldIds.Contains(x));
            }

            given.Add(id);
            result.Add(events[e] with { Id = id });
        }

        return result;
    }

    /// <summary>The (document, trigger start) of each mention of a kept event's contract object.</summary>
    private static List<(string Doc, int Start)> Mentions(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var list = new List<(string, int)>();
        if (parsed.RootElement.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in mentions.EnumerateArray())
            {
                if (m.TryGetProperty("doc", out var doc) && doc.GetString() is { } d && m.TryGetProperty("start", out var start) && start.TryGetInt32(out var s))
                {
                    list.Add((d, s));
                }
            }
        }

        return list;
    }
}
