namespace Marsad.Corpus;

/// <summary>Settings of <see cref="StoryClusterer"/>; the defaults were set on the seed articles and checked on the ANT corpus.</summary>
public sealed record StoryClustererOptions
{
    /// <summary>Cosine similarity to a story's centroid at or above which a document joins it.</summary>
    public double Threshold { get; init; } = 0.2;

    /// <summary>
    /// Cosine similarity between two stories' centroids at or above which a document that reaches both merges them: the
    /// document alone is weak evidence (a round-up report touches several events), the stories' own likeness is not.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.2;

    /// <summary>
    /// A bridge merges two stories only when the smaller holds at most this many documents: merging mends the fragments
    /// an early report left (the order of arrival), while two stories that each grew on their own are two events, and
    /// merging them would chain related events into a topic.
    /// </summary>
    public int MergeMaxDocuments { get; init; } = 2;

    /// <summary>A dated document joins a story only if its date lies within this many days of the story's first and last dates.</summary>
    public int DateWindowDays { get; init; } = 7;

    /// <summary>
    /// The longest a story may span, first to last date: a story is one developing event, not a topic, so a stream of
    /// daily football or weather reports never chains into one story.
    /// </summary>
    public int MaxSpanDays { get; init; } = 21;

    /// <summary>
    /// Days over which a story's pull fades: a document dated more than <see cref="DecayGraceDays"/> after the story's first
    /// date counts its similarity times exp(-(age - grace) / DecayDays), so late follow-ups must be closer to join.
    /// </summary>
    public double DecayDays { get; init; } = 14;

    /// <summary>Days after a story's first date during which its similarity does not fade (the event's own news cycle).</summary>
    public int DecayGraceDays { get; init; } = 2;

    /// <summary>A story whose last date is this many days behind the newest date seen is closed and leaves memory.</summary>
    public int RetireAfterDays { get; init; } = 30;

    /// <summary>The document's heaviest terms used to look up candidate stories.</summary>
    public int QueryTerms { get; init; } = 20;

    /// <summary>Most recent stories read from each term's posting list.</summary>
    public int MaxPostings { get; init; } = 64;

    /// <summary>Candidates (by shared term weight) whose full similarity is computed.</summary>
    public int MaxCandidates { get; init; } = 24;

    /// <summary>Terms a story's centroid keeps (the heaviest), so a long story costs no more than a short one.</summary>
    public int CentroidTerms { get; init; } = 80;

    public static StoryClustererOptions Default { get; } = new();

    internal void Validate()
    {
        if (MergeMaxDocuments < 0 || Threshold is <= 0 or > 1 || MergeThreshold is <= 0 or > 1 || DateWindowDays < 0 || MaxSpanDays < DateWindowDays || DecayDays <= 0 || DecayGraceDays < 0 || RetireAfterDays < MaxSpanDays || QueryTerms < 1 || MaxPostings < 1 || MaxCandidates < 1 || CentroidTerms < 1)
        {
            throw new ArgumentException(
                $"story options: MergeMaxDocuments ({MergeMaxDocuments}) >= 0, Threshold ({Threshold}) and MergeThreshold ({MergeThreshold}) in (0, 1], DateWindowDays ({DateWindowDays}) >= 0, MaxSpanDays ({MaxSpanDays}) >= DateWindowDays, DecayDays ({DecayDays}) > 0, DecayGraceDays ({DecayGraceDays}) >= 0, RetireAfterDays ({RetireAfterDays}) >= MaxSpanDays, QueryTerms, MaxPostings, MaxCandidates and CentroidTerms positive");
        }
    }
}
