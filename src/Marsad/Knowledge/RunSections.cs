using Marsad.Export;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Knowledge;

/// <summary>
/// The corpus sections of the analysis contract for a run connected in several steps (one <see cref="KnowledgeResult"/>
/// per chunk of its documents). Each step's touched stories replace what earlier steps said of them; a story merged or
/// formed again under another id goes, and the events and discrepancies follow their story. The entities are the union
/// of the steps' catalogues, the last word on an id winning; the duplicate pairs are the union of theirs.
/// </summary>
public sealed class RunSections
{
    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _storyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CorpusEvent>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Discrepancy>> _discrepancies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), DuplicatePair> _duplicates = [];
    private readonly List<CorpusEvent> _unstoried = [];

    /// <summary>Takes one step's result, before its change is let go (the change says which story each event is of).</summary>
    public void Add(KnowledgeResult result)
    {
        var gone = new HashSet<string>(result.Redirects.Keys, StringComparer.Ordinal);
        foreach (var story in result.Stories)
        {
            gone.Add(story.Id);
            foreach (var doc in story.Documents)
            {
                // A story that lost a document to this step was formed again by it: under its own id (replaced below)
                // or under another (then it is gone).
                if (_storyOf.TryGetValue(doc, out var previous))
                {
                    gone.Add(previous);
                }
            }
        }

        foreach (var id in gone)
        {
            _stories.Remove(id);
            _events.Remove(id);
            _discrepancies.Remove(id);
        }

        foreach (var story in result.Stories)
        {
            _stories[story.Id] = story;
            foreach (var doc in story.Documents)
            {
                _storyOf[doc] = story.Id;
            }
        }

        var eventStories = result.Change.Events;
        for (var i = 0; i < result.Events.Count; i++)
        {
            if (i < eventStories.Count && eventStories[i].Story is { } story)
            {
                Bucket(_events, story).Add(result.Events[i]);
            }
            else
            {
                _unstoried.Add(result.Events[i]);
            }
        }

        var discrepancyStories = result.Change.Discrepancies;
        for (var i = 0; i < result.Discrepancies.Count && i < discrepancyStories.Count; i++)
        {
            Bucket(_discrepancies, discrepancyStories[i].Story).Add(result.Discrepancies[i]);
        }

        foreach (var entity in result.Entities)
        {
            _entities[entity.Id] = entity;
        }

        foreach (var pair in result.Duplicates)
        {
            _duplicates[(pair.A, pair.B)] = pair;
        }
    }

    /// <summary>The sections as one run over every document would order them: stories by first date, then id.</summary>
    public CorpusSections ToSections()
    {
        var stories = _stories.Values
            .OrderBy(s => s.First ?? DateOnly.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var events = stories.SelectMany(s => _events.GetValueOrDefault(s.Id) ?? []).Concat(_unstoried).ToList();
        var discrepancies = stories.SelectMany(s => _discrepancies.GetValueOrDefault(s.Id) ?? []).ToList();
        var entities = _entities.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var duplicates = _duplicates.Values.OrderBy(d => d.A, StringComparer.Ordinal).ThenBy(d => d.B, StringComparer.Ordinal).ToList();
        return KnowledgeResult.Sections(entities, events, stories, duplicates, discrepancies);
    }

    private static List<T> Bucket<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }
}
