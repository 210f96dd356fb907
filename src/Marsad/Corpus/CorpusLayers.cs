using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>The layers the corpus stage adds to a document.</summary>
public static class CorpusLayers
{
    /// <summary>The document's <see cref="CorpusDigest"/>, set by <see cref="CorpusAnalyzer.Condense"/>.</summary>
    public static readonly LayerKey<CorpusDigest> Digest = new("corpus-digest");
}
