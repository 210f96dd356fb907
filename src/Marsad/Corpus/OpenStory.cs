using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>A story still taking documents: its members (with their vectors, for the title), centroid and dates.</summary>
internal sealed class OpenStory
{
    /// <summary>Characters of the most central document's text used as a title when no member has one.</summary>
    private const int LeadTitleLength = 90;

    private static readonly SparseVector Empty = new([], []);

    private readonly List<(string Id, string? Title, string Lead, SparseVector Vector)> _members = [];

    /// <summary>Members of a restored story that are known only to the store (not in <see cref="_members"/>).</summary>
    private int _restored;

    public OpenStory(Document document, SparseVector vector, DateSignal signal)
    {
        Centroid = vector;
        CentroidNorm = Math.Max(vector.Norm(), 1e-9);
        Add(document, vector, signal);
    }

    /// <summary>
    /// A stored story brought back as a dormant one (see <see cref="StoryState"/>): its centroid and dates, its central
    /// document (which names it, standing at the centroid) and the number of its other members, whose ids the store keeps.
    /// </summary>
    public OpenStory(SparseVector centroid, StoryState state, int documents)
    {
        Centroid = centroid;
        CentroidNorm = Math.Max(centroid.Norm(), 1e-9);
        First = state.First;
        Last = state.Last;
        MinYear = state.MinYear;
        var unit = new SparseVector(centroid.Ids, [.. centroid.Weights.Select(w => (float)(w / CentroidNorm))]);
        _members.Add((state.Central, state.Headline ? state.Title : null, state.Headline ? "" : state.Title, unit));
        _restored = Math.Max(0, documents - 1);
    }

    public SparseVector Centroid { get; private set; }

    public double CentroidNorm { get; private set; }

    public int Count => _members.Count + _restored;

    public DateOnly? First { get; private set; }

    public DateOnly? Last { get; private set; }

    public int MinYear { get; private set; }

    public void Join(Document document, SparseVector vector, DateSignal signal, int keep)
    {
        Centroid = SparseVector.Add(Centroid, vector, keep);
        CentroidNorm = Math.Max(Centroid.Norm(), 1e-9);
        Add(document, vector, signal);
    }

    /// <summary>Takes in every document of another story (which the caller then drops): members, centroid, dates.</summary>
    public void Absorb(OpenStory other, int keep)
    {
        Centroid = SparseVector.Add(Centroid, other.Centroid, keep);
        CentroidNorm = Math.Max(Centroid.Norm(), 1e-9);
        _members.AddRange(other._members);
        _restored += other._restored;
        First = First is { } f && (other.First is not { } of || f <= of) ? f : other.First;
        Last = Last is { } l && (other.Last is not { } ol || l >= ol) ? l : other.Last;
        MinYear = Math.Max(MinYear, other.MinYear);
    }

    /// <summary>
    /// Drops the members' vectors but the central one's (which names the story), keeping ids, centroid and dates: what a
    /// dormant story needs to take a late report.
    /// </summary>
    public void Compact()
    {
        var central = Central();
        for (var i = 0; i < _members.Count; i++)
        {
            if (i != central && _members[i].Vector.Count > 0)
            {
                _members[i] = (_members[i].Id, null, "", Empty);
            }
        }
    }

    public Story ToStory(string id)
    {
        var central = _members[Central()];
        return new Story(id, central.Title ?? central.Lead, _members.Select(m => m.Id).ToList(), First, Last);
    }

    /// <summary>The story's state for a store: centroid keys (by <paramref name="keyOf"/>) and weights, heaviest first, dates and title.</summary>
    public StoryState Export(Func<int, string> keyOf)
    {
        var order = Enumerable.Range(0, Centroid.Count).OrderByDescending(k => Centroid.Weights[k]).ThenBy(k => Centroid.Ids[k]).ToList();
        var central = _members[Central()];
        return new StoryState(
            [.. order.Select(k => keyOf(Centroid.Ids[k]))],
            [.. order.Select(k => Centroid.Weights[k])],
            First,
            Last,
            MinYear,
            central.Id,
            central.Title ?? central.Lead,
            central.Title is not null);
    }

    private int Central()
    {
        var best = 0;
        var bestScore = double.MinValue;
        for (var i = 0; i < _members.Count; i++)
        {
            // Titled documents first: a story is named by a headline when it has one.
            var score = _members[i].Vector.Dot(Centroid) / CentroidNorm + (_members[i].Title is null ? -10 : 0);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    private void Add(Document document, SparseVector vector, DateSignal signal)
    {
        var title = string.IsNullOrWhiteSpace(document.Title) ? null : document.Title.Trim();
        var lead = title is null ? Lead(document.Text) : "";
        _members.Add((document.Id, title, lead, vector));
        if (signal.Date is { } d)
        {
            First = First is { } f && f <= d ? f : d;
            Last = Last is { } l && l >= d ? l : d;
        }

        MinYear = Math.Max(MinYear, signal.MinYear);
    }

    private static string Lead(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\n', '\r');
        if (end >= 0)
        {
            line = line[..end];
        }

        if (line.Length <= LeadTitleLength)
        {
            return line.ToString();
        }

        var cut = line[..LeadTitleLength].LastIndexOf(' ');
        return string.Concat(line[..(cut > 0 ? cut : LeadTitleLength)], "…");
    }
}
