using Marsad.Arabic;
using Marsad.Extract.Actors;
using Marsad.Extract.Entities;
using Marsad.Extract.Places;
using Marsad.Extract.Events;
using Marsad.Extract.Quantities;
using Marsad.Extract.Quotes;
using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Analysis;

/// <summary>The default annotation chain, in one place so its order can be read top to bottom.</summary>
public static class DefaultPipeline
{
    public static AnnotationPipeline Create()
    {
        Warm();
        return new(
    [
        // Tokens (with the normalized text and clitic segments) come first: every later annotator reads them.
        .. ArabicPipeline.Default(),

        // Times read the normalized text; when the page gave no date they infer `published` first, and every
        // relative expression resolves against it — so they run before anything that reads dates.
        new TimeAnnotator(),

        // Entities after times: dated titles ("رئيس الوزراء العراقي") resolve against the publication date.
        new EntityAnnotator(),

        // Quantities read the numbers; quotes and events read the linked entities, and events their clause's times.
        new QuantityAnnotator(),
        new QuoteAnnotator(),
        new EventAnnotator(),
    ]);
    }

    /// <summary>
    /// Loads the tables the annotators share side by side: loading them is most of a cold start (a process that
    /// analyzes one article), and they do not depend on one another.
    /// </summary>
    private static void Warm() => Parallel.Invoke(
        () => _ = TimeLexicon.Default,
        () => _ = CliticSegmenter.Default,
        () => _ = PlaceResolver.Default,
        () => _ = ActorCatalog.Default,
        () => _ = EntityTagger.Default,
        () => _ = EventExtractor.Default,
        () => _ = QuoteExtractor.Default,
        () => _ = QuantityExtractor.Default);
}
