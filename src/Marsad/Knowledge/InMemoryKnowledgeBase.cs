using Marsad.Model;

namespace Marsad.Knowledge;

/// <summary>
/// A knowledge base held in memory, following <see cref="KnowledgeChange"/>'s rules: what a run uses when its store
/// keeps documents only (the run's stories are then its own), and the reference the stored implementations are tested
/// against. Documents come in through <see cref="Keep"/> (what a store's save does); lookups scan, which is fine for a
/// run's worth of stories. Not thread-safe.
/// </summary>
public sealed class InMemoryKnowledgeBase : IKnowledgeBase
{
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _connected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _storyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryRecord> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _updated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EventRecord>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DiscrepancyRecord>> _discrepancies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FramingRecord> _framing = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), DuplicateRecord> _duplicates = [];
    private readonly Dictionary<string, EntityRecord> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<EntityMentionCount>> _mentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentDigest> _digests = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<string>> _bands = [];
    private readonly SortedDictionary<(string, string), Monitoring.AlertRecord> _alerts = [];
    private long _clock;

    /// <summary>Changes applied so far (one per <see cref="Apply"/>).</summary>
    public List<KnowledgeChange> Changes { get; } = [];

    public IReadOnlyCollection<StoryRecord> AllStories => _stories.Values;

    public IReadOnlyDictionary<string, string> AllRedirects => _redirects;

    public IReadOnlyCollection<DuplicateRecord> AllDuplicates => _duplicates.Values;

    public IReadOnlyCollection<EntityRecord> AllEntities => _entities.Values;

    /// <summary>The watchlists an addition is matched against (the caller keeps them here as a store would).</summary>
    public List<Monitoring.Watchlist> KeptWatchlists { get; } = [];

    /// <summary>The alerts kept, by (watchlist, subject), each with every source it gained.</summary>
    public IReadOnlyCollection<Monitoring.AlertRecord> AllAlerts => _alerts.Values;

    public IReadOnlyList<Monitoring.Watchlist> Watchlists() => [.. KeptWatchlists.OrderBy(w => w.Id, StringComparer.Ordinal)];

    /// <summary>The story a document belongs to, or null.</summary>
    public string? StoryOf(string document) => _storyOf.GetValueOrDefault(document);

    public IReadOnlyList<DiscrepancyRecord> StoryDiscrepancies(string story) => _discrepancies.GetValueOrDefault(story) ?? [];

    public FramingRecord? StoryFraming(string story) => _framing.GetValueOrDefault(story);

    public IReadOnlyList<EntityMentionCount> Mentions(string document) => _mentions.GetValueOrDefault(document) ?? [];

    /// <summary>
    /// Keeps a document's text and metadata as a store does (not its layers), not yet connected; a document kept
    /// again replaces the text it had. A date its story gave is not kept as its own.
    /// </summary>
    public void Keep(Document document)
    {
        if (_documents.TryAdd(document.Id, Copy(document)))
        {
            _order.Add(document.Id);
        }
        else
        {
            _documents[document.Id] = Copy(document);
        }
    }

    public IReadOnlyList<StoryRecord> StoriesBetween(DateOnly from, DateOnly to)
    {
        var a = Iso(from);
        var b = Iso(to);
        return [.. _stories.Values.Where(s => s.First is not null && s.Last is not null
            && string.CompareOrdinal(s.Last, a) >= 0 && string.CompareOrdinal(s.First, b) <= 0)];
    }

    public IReadOnlyList<StoryRecord> UndatedStories(int limit) =>
        [.. _stories.Values.Where(s => s.First is null).OrderByDescending(s => _updated[s.Id]).Take(limit)];

    public DateOnly? NewestStoryDay() =>
        _stories.Values.Select(s => DateOnly.TryParseExact(s.Last, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null).Max();

    public StoryRecord? Story(string id) => _stories.GetValueOrDefault(id);

    public string? ResolveStory(string id) => _stories.ContainsKey(id) ? id : _redirects.GetValueOrDefault(id);

    public IReadOnlyList<string> StoryDocuments(string story) => _members.TryGetValue(story, out var set) ? [.. set] : [];

    public IReadOnlyList<EventRecord> StoryEvents(string story) => _events.GetValueOrDefault(story) ?? [];

    public IEnumerable<Document> Documents(IReadOnlyCollection<string> ids) =>
        ids.Where(_documents.ContainsKey).Select(id => Copy(_documents[id]));

    public IReadOnlyList<DuplicateCandidate> DuplicateCandidates(IReadOnlyCollection<long> bands, int limit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<DuplicateCandidate>();
        foreach (var band in bands)
        {
            foreach (var doc in _bands.GetValueOrDefault(band) ?? [])
            {
                if (list.Count < limit && seen.Add(doc))
                {
                    list.Add(new DuplicateCandidate(doc, _digests[doc].Signature));
                }
            }
        }

        return list;
    }

    public IReadOnlyList<string> Unconnected(int limit) => [.. _order.Where(id => !_connected.Contains(id)).Take(limit)];

    public void Apply(KnowledgeChange change)
    {
        Changes.Add(change);
        _clock++;
        foreach (var (old, survivor) in change.Redirects)
        {
            _stories.Remove(old);
            _updated.Remove(old);
            foreach (var doc in StoryDocuments(old))
            {
                SetStory(doc, survivor);
            }

            _members.Remove(old);
            Move(_events, old, survivor);
            Move(_discrepancies, old, survivor);
            _framing.Remove(old);
            foreach (var key in _redirects.Where(r => r.Value == old).Select(r => r.Key).ToList())
            {
                _redirects[key] = survivor;
            }

            _redirects[old] = survivor;
        }

        var events = change.Events.Where(e => e.Story is not null).ToLookup(e => e.Story!, StringComparer.Ordinal);
        var discrepancies = change.Discrepancies.ToLookup(d => d.Story, StringComparer.Ordinal);
        foreach (var story in change.Stories)
        {
            _stories[story.Id] = story;
            _updated[story.Id] = _clock;
            _redirects.Remove(story.Id);
            _events[story.Id] = [.. events[story.Id]];
            _discrepancies[story.Id] = [.. discrepancies[story.Id]];
            _framing.Remove(story.Id);
        }

        foreach (var f in change.Framing)
        {
            _framing[f.Story] = f;
        }

        foreach (var (doc, story) in change.DocumentStories)
        {
            SetStory(doc, story);
            _connected.Add(doc);
        }

        _connected.UnionWith(change.Unstoried);
        foreach (var d in change.Duplicates)
        {
            _duplicates[(d.A, d.B)] = d;
        }

        foreach (var e in change.Entities)
        {
            _entities[e.Id] = e;
        }

        foreach (var (doc, counts) in change.EntityMentions)
        {
            _mentions[doc] = counts;
        }

        foreach (var alert in change.Alerts.Where(a => KeptWatchlists.Exists(w => w.Id == a.Watchlist)))
        {
            var key = (alert.Watchlist, alert.Subject);
            _alerts[key] = _alerts.TryGetValue(key, out var kept)
                ? kept with { Sources = [.. kept.Sources.Concat(alert.Sources.Where(s => !kept.Sources.Any(k => k.Document == s.Document)))] }
                : alert;
        }

        foreach (var digest in change.Digests)
        {
            _digests[digest.Document] = digest;
            foreach (var band in digest.Bands.Distinct())
            {
                if (!_bands.TryGetValue(band, out var docs))
                {
                    _bands[band] = docs = [];
                }

                if (!docs.Contains(digest.Document))
                {
                    docs.Add(digest.Document);
                }
            }
        }
    }

    private void SetStory(string doc, string story)
    {
        if (_storyOf.TryGetValue(doc, out var before) && _members.TryGetValue(before, out var old))
        {
            old.Remove(doc);
        }

        _storyOf[doc] = story;
        if (!_members.TryGetValue(story, out var set))
        {
            _members[story] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(doc);
    }

    private static void Move<T>(Dictionary<string, List<T>> map, string from, string to)
    {
        if (map.Remove(from, out var moved))
        {
            if (!map.TryGetValue(to, out var list))
            {
                map[to] = list = [];
            }

            list.AddRange(moved);
        }
    }

    private static Document Copy(Document d) => new(d.Id, d.Text)
    {
        Title = d.Title,
        Outlet = d.Outlet,
        Published = d.PublishedFrom == PublishedFrom.Story ? null : d.Published,
        PublishedFrom = d.PublishedFrom == PublishedFrom.Story ? PublishedFrom.None : d.PublishedFrom,
        Url = d.Url,
        SourcePath = d.SourcePath,
        Encoding = d.Encoding,
        Language = d.Language,
        ContentHash = d.ContentHash,
        Removed = d.Removed,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
