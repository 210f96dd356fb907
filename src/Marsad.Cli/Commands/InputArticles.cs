using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// The one step every article passes before it is analyzed, stored or queued (<c>analyze</c>, <c>enqueue</c>): control
/// characters in its text and metadata become spaces (<see cref="ControlCharacters"/>: the same text in every store), a
/// long id is bounded (<see cref="DocumentIds"/>), then the run and the store give it a free id (<see cref="ArticleIdAssigner"/>).
/// </summary>
internal sealed class InputArticles(IDocumentStore? store, string verb)
{
    private readonly ArticleIdAssigner _ids = new(store, verb);

    /// <summary>Articles renamed because their id was taken.</summary>
    public int Renamed => _ids.Renamed;

    public RawArticle Prepare(RawArticle raw)
    {
        var clean = ControlCharacters.ReplaceIn(raw);
        return _ids.Assign(clean with { Id = DocumentIds.Bound(clean.Id) });
    }
}
