using Marsad.Model;

namespace Marsad.Arabic;

/// <summary>Adds the sentences of the text (<see cref="SentenceSplitter"/>) from its tokens.</summary>
public sealed class SentenceAnnotator : IAnnotator
{
    private readonly SentenceSplitter _splitter;

    public SentenceAnnotator()
        : this(SentenceSplitter.Default)
    {
    }

    public SentenceAnnotator(SentenceSplitter splitter) => _splitter = splitter;

    public string Name => "sentences";

    public IReadOnlyList<ILayerKey> Requires => [Layers.Tokens];

    public IReadOnlyList<ILayerKey> Produces => [Layers.Sentences];

    public void Annotate(Document document) =>
        document.Set(Layers.Sentences, _splitter.Split(document.Text, document.Get(Layers.Tokens)));
}
