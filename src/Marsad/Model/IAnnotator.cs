namespace Marsad.Model;

/// <summary>
/// One small component of the analysis: reads the document's text and earlier layers, adds its own
/// layer(s), and never rewrites the text or another layer. Implementations hold only immutable,
/// preloaded state so one instance can serve many threads.
/// </summary>
public interface IAnnotator
{
    string Name { get; }

    IReadOnlyList<ILayerKey> Requires { get; }

    IReadOnlyList<ILayerKey> Produces { get; }

    void Annotate(Document document);
}
