using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Gives weighted features of a document for story clustering. Terms come from <see cref="TermFeatureSource"/>;
/// entity and event layers plug in with their own source (keys prefixed so they never collide with stems, e.g. "@e12").
/// Implementations are immutable and thread-safe.
/// </summary>
public interface IStoryFeatureSource
{
    IEnumerable<StoryFeature> Extract(Document document);
}
