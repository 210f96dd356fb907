using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// The corpus stage, run once over a run's analyzed documents, in this order: near-duplicates (over the documents
/// in the order given), stories (<see cref="StoryClusterer.Cluster"/>), dates from the story for undated documents
/// (<see cref="StoryDater"/>, after clustering since it needs the stories), then discrepancies within each story.
/// Holds only immutable settings: one instance serves many runs.
/// </summary>
public sealed class CorpusAnalyzer
{
    public CorpusAnalyzer(
        StoryClustererOptions? storyOptions = null,
        NearDuplicateOptions? duplicateOptions = null,
        IReadOnlyList<IStoryFeatureSource>? features = null,
        IDateSignalSource? dates = null,
        DiscrepancyCollector? discrepancies = null)
    {
        StoryOptions = storyOptions ?? StoryClustererOptions.Default;
        DuplicateOptions = duplicateOptions ?? NearDuplicateOptions.Default;
        Features = features;
        Dates = dates;
        Discrepancies = discrepancies ?? new DiscrepancyCollector();
    }

    public static CorpusAnalyzer Default { get; } = new();

    public StoryClustererOptions StoryOptions { get; }

    public NearDuplicateOptions DuplicateOptions { get; }

    public IReadOnlyList<IStoryFeatureSource>? Features { get; }

    public IDateSignalSource? Dates { get; }

    public DiscrepancyCollector Discrepancies { get; }

    /// <summary>
    /// Runs the corpus stage; only documents in Arabic with tokens take part in stories and duplicates.
    /// <paramref name="reannotate"/>, when given, re-runs the document annotators on a document its story dated, so
    /// that its relative times resolve against that date; <see cref="CorpusResult.Redated"/> then holds the new documents.
    /// </summary>
    public CorpusResult Analyze(IReadOnlyList<Document> documents, Func<Document, Document>? reannotate = null)
    {
        var usable = documents.Where(d => d.Has(Layers.Tokens)).ToList();
        var duplicates = NearDuplicateDetector.Find(usable, DuplicateOptions);
        var stories = StoryClusterer.Cluster(usable, StoryOptions, Features, Dates);
        var redated = StoryDater.Apply(stories, usable);
        if (reannotate is not null && redated.Count > 0)
        {
            var fresh = redated.ToDictionary(d => d, reannotate);
            for (var i = 0; i < usable.Count; i++)
            {
                if (fresh.TryGetValue(usable[i], out var again))
                {
                    usable[i] = again;
                }
            }

            redated = [.. redated.Select(d => fresh[d])];
        }

        var discrepancies = Discrepancies.Collect(stories, usable);
        return new CorpusResult(stories, duplicates, discrepancies, redated);
    }
}
