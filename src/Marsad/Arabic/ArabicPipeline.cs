using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>The Arabic core of the analysis chain; later stages append their annotators to this list.</summary>
public static class ArabicPipeline
{
    /// <summary>
    /// Tokens first (with the normalized text and clitic segments every later stage reads), then sentences and
    /// numbers, which both read the tokens.
    /// </summary>
    public static IReadOnlyList<IAnnotator> Default() =>
    [
        new TokenAnnotator(),
        new SentenceAnnotator(),
        new NumberAnnotator(),
    ];
}
