using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Groups documents into stories as they arrive: each document joins the most similar open story or opens one. Rules:
/// <list type="bullet">
/// <item>a document is a unit vector of weighted features (terms from <see cref="TermFeatureSource"/>, plus any other
/// <see cref="IStoryFeatureSource"/>); a story is the sum of its documents' vectors (its centroid), cut to its heaviest terms;</item>
/// <item>candidates come from an inverted index term → stories, reading only the most recent stories of the document's
/// heaviest terms and scoring only the best few by shared weight, so the work per document is bounded (near-linear time);</item>
/// <item>dates come first: a document with a date joins only a story whose first and last dates lie within the window
/// of it and whose span, with it, stays within <see cref="StoryClustererOptions.MaxSpanDays"/>; the latest year a text
/// mentions is a lower bound (a story that ended before that year cannot take it);</item>
/// <item>similarity fades with the story's age at the document's date (<see cref="StoryClustererOptions.DecayDays"/>):
/// a story is one developing event, and late reports must be closer to it to join;</item>
/// <item>the document joins the compatible candidate of highest faded cosine similarity if it reaches the threshold (ties: the older story);</item>
/// <item>a document that also reaches the threshold with other compatible stories bridges them, if their centroids are alike
/// (<see cref="StoryClustererOptions.MergeThreshold"/>): they merge into the oldest,
/// whose id survives, and the merged ids redirect to it (<see cref="Resolve"/>). Without it the result would depend on
/// the order of arrival: two reports of one event that came first would stay apart once each opened a story;</item>
/// <item>a story with no document in the last <see cref="StoryClustererOptions.RetireAfterDays"/> days of the stream goes
/// dormant: it keeps its centroid, dates and member ids but drops its members' vectors (bounded memory on a dated
/// stream), and a late report (a backfill, a feed polled late) can still join it;</item>
/// <item>a story's title is the title of its most central document (highest similarity to the centroid), else its first words.</item>
/// </list>
/// Deterministic for a given order of documents; <see cref="Cluster"/> fixes that order (dated documents by date, then
/// undated ones, each by id). Stories are named s1, s2… in opening order unless a namer gives each new story its id
/// from its opening document (ids that never change, for a store). A stored story comes back through
/// <see cref="Restore"/> from the <see cref="StoryState"/> that <see cref="Export"/> gave, as a dormant story.
/// Not thread-safe: one stream per instance.
/// </summary>
public sealed class StoryClusterer
{
    private readonly StoryClustererOptions _options;
    private readonly IReadOnlyList<IStoryFeatureSource> _features;
    private readonly IDateSignalSource _dates;
    private readonly Func<Document, string>? _namer;
    private readonly Dictionary<string, int> _featureIds = new(StringComparer.Ordinal);
    private readonly List<string> _featureKeys = [];
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly List<OpenStory?> _open = [];
    private readonly Dictionary<string, int> _storyOf = new(StringComparer.Ordinal);
    private readonly List<int> _mergedInto = [];
    private List<int> _active = [];
    private DateOnly? _newest;

    /// <param name="namer">Gives a new story its id from its opening document (default: s1, s2… in opening order); ids must be unique.</param>
    public StoryClusterer(StoryClustererOptions? options = null, IReadOnlyList<IStoryFeatureSource>? features = null, IDateSignalSource? dates = null,
        Func<Document, string>? namer = null)
    {
        _namer = namer;
        _options = options ?? StoryClustererOptions.Default;
        _options.Validate();
        _features = features ?? [TermFeatureSource.Default];
        _dates = dates ?? TextDateSignalSource.Default;
    }

    public StoryClustererOptions Options => _options;

    /// <summary>Clusters a batch: dated documents first in date order, then undated ones, each by id; returns the stories in opening order.</summary>
    public static IReadOnlyList<Story> Cluster(IEnumerable<Document> documents, StoryClustererOptions? options = null,
        IReadOnlyList<IStoryFeatureSource>? features = null, IDateSignalSource? dates = null)
    {
        var clusterer = new StoryClusterer(options, features, dates);
        clusterer.AddAll(documents);
        return clusterer.Stories();
    }

    /// <summary>Adds documents in the order <see cref="Cluster"/> gives them: dated ones by date, then undated ones, each by id.</summary>
    public void AddAll(IEnumerable<Document> documents)
    {
        var ordered = documents.Select(d => (Document: d, Signal: DateOf(d)))
            .OrderBy(x => x.Signal.Date ?? DateOnly.MaxValue)
            .ThenBy(x => x.Document.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (document, signal) in ordered)
        {
            Add(document, signal);
        }
    }

    /// <summary>
    /// Brings back a stored story as a dormant one, under its id: it takes documents like any other story, older than
    /// every story opened after it (a bridge keeps the oldest id). <paramref name="documents"/> is how many it holds.
    /// </summary>
    public void Restore(string id, StoryState state, int documents)
    {
        if (_byName.ContainsKey(id))
        {
            throw new ArgumentException($"story '{id}' is already known", nameof(id));
        }

        var centroid = SparseVector.From(state.Keys.Select((key, k) => (FeatureId(key), state.Weights[k])));
        var index = _open.Count;
        _open.Add(new OpenStory(centroid, state, documents));
        _mergedInto.Add(-1);
        _active.Add(index);
        Name(index, id);
        Index(index, centroid);
        if (state.Last is { } last && (_newest is null || last > _newest))
        {
            _newest = last;
        }
    }

    /// <summary>The state of a story (by its current id) to keep in a store, or null when it is unknown or merged away.</summary>
    public StoryState? Export(string id) =>
        _byName.TryGetValue(id, out var i) && _mergedInto[i] < 0 && _open[i] is { } story ? story.Export(k => _featureKeys[k]) : null;

    /// <summary>Adds the next document of the stream; returns the id of the story it joined or opened.</summary>
    public string Add(Document document) => Add(document, DateOf(document));

    /// <summary>Adds a document with a date signal read elsewhere (e.g. by the time layer).</summary>
    public string Add(Document document, DateSignal signal)
    {
        if (_storyOf.ContainsKey(document.Id))
        {
            throw new ArgumentException($"document '{document.Id}' was already added", nameof(document));
        }

        var vector = Vectorize(document);
        if (signal.Date is { } d && (_newest is null || d > _newest))
        {
            _newest = d;
            Retire();
        }

        var joined = Reach(vector, signal);
        int best;
        if (joined.Count == 0)
        {
            best = _open.Count;
            _open.Add(new OpenStory(document, vector, signal));
            _mergedInto.Add(-1);
            Name(best, _namer?.Invoke(document) ?? "s" + (best + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            _active.Add(best);
            Index(best, vector);
        }
        else
        {
            joined.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Story.CompareTo(b.Story));
            best = joined[0].Story;
            _open[best]!.Join(document, vector, signal, _options.CentroidTerms);
            Index(best, vector);
            best = MergeBridged(best, joined);
        }

        _storyOf[document.Id] = best;
        return StoryId(best);
    }

    /// <summary>The ids of the stories a document would join or bridge if it were added now (it is not added).</summary>
    public IReadOnlyList<string> Reached(Document document) =>
        [.. Reach(Vectorize(document), DateOf(document)).Select(x => StoryId(x.Story))];

    /// <summary>The compatible stories the document reaches the threshold with, and its faded similarity to each.</summary>
    private List<(int Story, double Score)> Reach(SparseVector vector, DateSignal signal)
    {
        var joined = new List<(int Story, double Score)>();
        foreach (var candidate in Candidates(vector))
        {
            var story = _open[candidate]!;
            if (!Compatible(story, signal))
            {
                continue;
            }

            var score = vector.Dot(story.Centroid) / story.CentroidNorm * Fade(story, signal);
            if (score >= _options.Threshold)
            {
                joined.Add((candidate, score));
            }
        }

        return joined;
    }

    /// <summary>The story id of a document added earlier, or null.</summary>
    public string? StoryOf(string documentId) => _storyOf.TryGetValue(documentId, out var s) ? StoryId(Root(s)) : null;

    /// <summary>The id a story id stands for now: itself, or the story it was merged into; null when unknown.</summary>
    public string? Resolve(string storyId) => _byName.TryGetValue(storyId, out var i) ? StoryId(Root(i)) : null;

    /// <summary>Every story id merged away so far, with the id it now resolves to.</summary>
    public IReadOnlyDictionary<string, string> Redirects()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _mergedInto.Count; i++)
        {
            if (_mergedInto[i] >= 0)
            {
                map[StoryId(i)] = StoryId(Root(i));
            }
        }

        return map;
    }

    /// <summary>Every story so far (active and dormant, not those merged into another), in opening order.</summary>
    public IReadOnlyList<Story> Stories()
    {
        var list = new List<Story>(_open.Count);
        for (var i = 0; i < _open.Count; i++)
        {
            if (_mergedInto[i] < 0)
            {
                list.Add(_open[i]!.ToStory(StoryId(i)));
            }
        }

        return list;
    }

    private int Root(int story)
    {
        while (_mergedInto[story] >= 0)
        {
            story = _mergedInto[story];
        }

        return story;
    }

    /// <summary>
    /// Merges into the oldest of them every other story the document reached the threshold with, when the merged
    /// story still keeps to <see cref="StoryClustererOptions.MaxSpanDays"/>; returns the surviving story.
    /// </summary>
    private int MergeBridged(int joinedStory, List<(int Story, double Score)> reached)
    {
        if (reached.Count < 2)
        {
            return joinedStory;
        }

        var joined = _open[joinedStory]!;
        var group = new List<int> { joinedStory };
        foreach (var (other, _) in reached)
        {
            if (other != joinedStory && _open[other] is { } story && SpanFits(joined, story)
                && Math.Min(joined.Count, story.Count) <= _options.MergeMaxDocuments
                && joined.Centroid.Dot(story.Centroid) / (joined.CentroidNorm * story.CentroidNorm) >= _options.MergeThreshold)
            {
                group.Add(other);
            }
        }

        // The oldest id survives; the others redirect to it.
        group.Sort();
        var survivor = group[0];
        var into = _open[survivor]!;
        foreach (var other in group.Skip(1))
        {
            var story = _open[other]!;
            if (!SpanFits(into, story))
            {
                continue;
            }

            into.Absorb(story, _options.CentroidTerms);
            Index(survivor, story.Centroid);
            _open[other] = null;
            _mergedInto[other] = survivor;
        }

        return Root(joinedStory);
    }

    private bool SpanFits(OpenStory a, OpenStory b) =>
        a.First is not { } af || b.First is not { } bf || a.Last is not { } al || b.Last is not { } bl
        || Math.Max(al.DayNumber, bl.DayNumber) - Math.Min(af.DayNumber, bf.DayNumber) <= _options.MaxSpanDays;

    private string StoryId(int index) => _names[index];

    private void Name(int index, string id)
    {
        if (!_byName.TryAdd(id, index))
        {
            throw new InvalidOperationException($"story id '{id}' given twice");
        }

        _names.Add(id);
    }

    private int FeatureId(string key)
    {
        if (!_featureIds.TryGetValue(key, out var id))
        {
            id = _featureIds.Count;
            _featureIds.Add(key, id);
            _featureKeys.Add(key);
        }

        return id;
    }

    /// <summary>The features of every source, in source order (what a <see cref="CorpusDigest"/> keeps).</summary>
    public static List<StoryFeature> Features(Document document, IReadOnlyList<IStoryFeatureSource>? sources = null) =>
        (sources ?? [TermFeatureSource.Default]).SelectMany(source => source.Extract(document)).ToList();

    private DateSignal DateOf(Document document) =>
        document.TryGet(CorpusLayers.Digest, out var digest) ? digest.Date : _dates.Read(document);

    private SparseVector Vectorize(Document document)
    {
        var pairs = new List<(int, double)>();
        var features = document.TryGet(CorpusLayers.Digest, out var digest) ? digest.Features : Features(document, _features);
        foreach (var feature in features)
        {
            pairs.Add((FeatureId(feature.Key), feature.Weight));
        }

        return SparseVector.UnitFrom(pairs);
    }

    private List<int> Candidates(SparseVector vector)
    {
        var query = Enumerable.Range(0, vector.Count).OrderByDescending(k => vector.Weights[k]).ThenBy(k => vector.Ids[k]).Take(_options.QueryTerms);
        var shared = new Dictionary<int, double>();
        foreach (var k in query)
        {
            if (!_postings.TryGetValue(vector.Ids[k], out var stories))
            {
                continue;
            }

            var read = 0;
            for (var p = stories.Count - 1; p >= 0 && read < _options.MaxPostings; p--)
            {
                var s = stories[p];
                if (_open[s] is null)
                {
                    continue;
                }

                read++;
                shared[s] = shared.TryGetValue(s, out var w) ? w + vector.Weights[k] : vector.Weights[k];
            }
        }

        return shared.OrderByDescending(x => x.Value).ThenBy(x => x.Key).Take(_options.MaxCandidates).Select(x => x.Key).ToList();
    }

    private bool Compatible(OpenStory story, DateSignal signal)
    {
        var window = _options.DateWindowDays;
        if (signal.Date is { } d && story.First is { } first && story.Last is { } last)
        {
            var span = Math.Max(last.DayNumber, d.DayNumber) - Math.Min(first.DayNumber, d.DayNumber);
            return d.DayNumber >= first.DayNumber - window && d.DayNumber <= last.DayNumber + window && span <= _options.MaxSpanDays;
        }

        if (signal.Date is { } date && date.Year < story.MinYear)
        {
            return false;
        }

        return signal.MinYear <= 0 || story.Last is not { } end || end.Year >= signal.MinYear;
    }

    private double Fade(OpenStory story, DateSignal signal)
    {
        if (signal.Date is not { } d || story.First is not { } first)
        {
            return 1;
        }

        var age = Math.Abs(d.DayNumber - first.DayNumber) - _options.DecayGraceDays;
        return age <= 0 ? 1 : Math.Exp(-age / _options.DecayDays);
    }

    private void Index(int story, SparseVector vector)
    {
        foreach (var id in vector.Ids)
        {
            if (!_postings.TryGetValue(id, out var list))
            {
                _postings[id] = list = [];
            }

            if (list.Count == 0 || list[^1] != story)
            {
                list.Add(story);
            }

            // Closed stories stay in posting lists until the list grows: then they are dropped in one pass.
            if (list.Count > 4 * _options.MaxPostings)
            {
                list.RemoveAll(s => _open[s] is null);
            }
        }
    }

    private void Retire()
    {
        var limit = _newest!.Value.DayNumber - _options.RetireAfterDays;
        var still = new List<int>(_active.Count);
        foreach (var i in _active)
        {
            if (_open[i] is not { } story)
            {
                continue;
            }

            if (story.Last is { } last && last.DayNumber < limit)
            {
                story.Compact();
            }
            else
            {
                still.Add(i);
            }
        }

        _active = still;
    }
}
