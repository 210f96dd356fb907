using Marsad.Extract.Actors;
using Marsad.Extract.Events;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// The corpus stage, run once over a run's analyzed documents, in this order: near-duplicates (over the documents
/// in the order given), stories (<see cref="StoryClusterer.Cluster"/>), dates from the story for undated documents
/// (<see cref="StoryDater"/>, after clustering since it needs the stories), then discrepancies within each story.
/// Holds only immutable settings: one instance serves many runs. A long run condenses each document as soon as its
/// own analysis is written out (<see cref="Condense"/>), so that it holds what the corpus stage reads, not every layer.
/// </summary>
public sealed class CorpusAnalyzer
{
    private readonly Lazy<MinHasher> _hasher;

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
        _hasher = new(() =>
        {
            DuplicateOptions.Validate();
            return new MinHasher(DuplicateOptions.HashCount, DuplicateOptions.ShingleSize);
        });
    }

    public static CorpusAnalyzer Default { get; } = new();

    public StoryClustererOptions StoryOptions { get; }

    public NearDuplicateOptions DuplicateOptions { get; }

    public IReadOnlyList<IStoryFeatureSource>? Features { get; }

    public IDateSignalSource? Dates { get; }

    public DiscrepancyCollector Discrepancies { get; }

    /// <summary>
    /// The layers a condensed document keeps: those the corpus stage and its sections read besides the digest — the
    /// documents' own discrepancies, the events (event dates, merged events) and the entities (the entity catalog).
    /// </summary>
    public static IReadOnlyList<ILayerKey> Retained { get; } = [Layers.Discrepancies, EventLayers.Events, EventLayers.Deadlines, EntityLayers.Entities];

    /// <summary>
    /// Replaces a document's large layers by its <see cref="CorpusDigest"/> under this analyzer's settings, keeping only
    /// <see cref="Retained"/>. Call it once the document's own analysis is written out; the corpus stage then gives the
    /// same result as on the whole document. A document without tokens (not Arabic) gets no digest and takes no part.
    /// </summary>
    public void Condense(Document document)
    {
        if (document.Has(Layers.Tokens) && !document.Has(CorpusLayers.Digest))
        {
            var claims = Discrepancies.Sources.OfType<QuantityDiscrepancyFinder>().FirstOrDefault()?.Extractor.Extract(document) ?? [];
            document.Set(CorpusLayers.Digest, new CorpusDigest(
                _hasher.Value.Signature(document, DuplicateOptions.MinShingles),
                StoryClusterer.Features(document, Features),
                (Dates ?? TextDateSignalSource.Default).Read(document),
                claims,
                FramingTable.Default.Find(document)));
        }

        document.ReleaseAllBut([.. Retained, CorpusLayers.Digest]);
    }

    /// <summary>
    /// Runs the corpus stage; only documents in Arabic with tokens take part in stories and duplicates.
    /// <paramref name="reannotate"/>, when given, re-runs the document annotators on a document its story dated, so
    /// that its relative times resolve against that date; <see cref="CorpusResult.Redated"/> then holds the new documents.
    /// </summary>
    public CorpusResult Analyze(IReadOnlyList<Document> documents, Func<Document, Document>? reannotate = null)
    {
        var usable = documents.Where(d => d.Has(Layers.Tokens) || d.Has(CorpusLayers.Digest)).ToList();
        var duplicates = NearDuplicateDetector.Find(usable, DuplicateOptions);
        var stories = StoryClusterer.Cluster(usable, StoryOptions, Features, Dates);
        var redated = StoryDater.Apply(stories, usable, d => d.TryGet(CorpusLayers.Digest, out var digest) ? digest.Features : StoryClusterer.Features(d, Features));
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
