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
/// of it; the latest year a text mentions is a lower bound (a story that ended before that year cannot take it);</item>
/// <item>the document joins the compatible candidate of highest cosine similarity if it reaches the threshold (ties: the older story);</item>
/// <item>a story with no document in the last <see cref="StoryClustererOptions.RetireAfterDays"/> days of the stream is
/// closed and leaves memory (bounded memory on a dated stream);</item>
/// <item>a story's title is the title of its most central document (highest similarity to the centroid), else its first words.</item>
/// </list>
/// Deterministic for a given order of documents; <see cref="Cluster"/> fixes that order (dated documents by date, then
/// undated ones, each by id). Not thread-safe: one stream per instance.
/// </summary>
public sealed class StoryClusterer
{
    private readonly StoryClustererOptions _options;
    private readonly IReadOnlyList<IStoryFeatureSource> _features;
    private readonly IDateSignalSource _dates;
    private readonly Dictionary<string, int> _featureIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly List<OpenStory?> _open = [];
    private readonly List<Story?> _closed = [];
    private readonly Dictionary<string, int> _storyOf = new(StringComparer.Ordinal);
    private List<int> _active = [];
    private DateOnly? _newest;

    public StoryClusterer(StoryClustererOptions? options = null, IReadOnlyList<IStoryFeatureSource>? features = null, IDateSignalSource? dates = null)
    {
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
        var ordered = documents.Select(d => (Document: d, Signal: clusterer.DateOf(d)))
            .OrderBy(x => x.Signal.Date ?? DateOnly.MaxValue)
            .ThenBy(x => x.Document.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (document, signal) in ordered)
        {
            clusterer.Add(document, signal);
        }

        return clusterer.Stories();
    }

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

        var best = -1;
        var bestScore = 0.0;
        foreach (var candidate in Candidates(vector))
        {
            var story = _open[candidate]!;
            if (!Compatible(story, signal))
            {
                continue;
            }

            var score = vector.Dot(story.Centroid) / story.CentroidNorm;
            if (score > bestScore || (score == bestScore && best >= 0 && candidate < best))
            {
                best = candidate;
                bestScore = score;
            }
        }

        if (best >= 0 && bestScore >= _options.Threshold)
        {
            _open[best]!.Join(document, vector, signal, _options.CentroidTerms);
            Index(best, vector);
        }
        else
        {
            best = _open.Count;
            _open.Add(new OpenStory(document, vector, signal));
            _closed.Add(null);
            _active.Add(best);
            Index(best, vector);
        }

        _storyOf[document.Id] = best;
        return StoryId(best);
    }

    /// <summary>The story id of a document added earlier, or null.</summary>
    public string? StoryOf(string documentId) => _storyOf.TryGetValue(documentId, out var s) ? StoryId(s) : null;

    /// <summary>Every story so far (closed and open), in opening order.</summary>
    public IReadOnlyList<Story> Stories()
    {
        var list = new List<Story>(_open.Count);
        for (var i = 0; i < _open.Count; i++)
        {
            list.Add(_closed[i] ?? _open[i]!.ToStory(StoryId(i)));
        }

        return list;
    }

    private static string StoryId(int index) => "s" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

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
            if (!_featureIds.TryGetValue(feature.Key, out var id))
            {
                id = _featureIds.Count;
                _featureIds.Add(feature.Key, id);
            }

            pairs.Add((id, feature.Weight));
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
            return d.DayNumber >= first.DayNumber - window && d.DayNumber <= last.DayNumber + window;
        }

        if (signal.Date is { } date && date.Year < story.MinYear)
        {
            return false;
        }

        return signal.MinYear <= 0 || story.Last is not { } end || end.Year >= signal.MinYear;
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
            if (_open[i] is { Last: { } last } story && last.DayNumber < limit)
            {
                _closed[i] = story.ToStory(StoryId(i));
                _open[i] = null;
            }
            else
            {
                still.Add(i);
            }
        }

        _active = still;
    }
}
