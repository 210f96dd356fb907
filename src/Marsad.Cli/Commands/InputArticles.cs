using System.Globalization;
using Marsad.Model;

namespace Marsad.Cli.Commands;

/// <summary>
/// The one step every article passes before it is analyzed, stored or queued (<c>analyze</c>, <c>enqueue</c>): control
/// characters in its text and metadata become spaces (<see cref="ControlCharacters"/>: the same text in every store), a
/// long id is bounded (<see cref="DocumentIds"/>), and an id already taken in the run gets a ~2, ~3 suffix, with a warning.
/// </summary>
internal sealed class InputArticles
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly string _verb;

    /// <param name="verb">What happens to a renamed article, for the warning ("stored", "queued").</param>
    public InputArticles(string verb)
    {
        _verb = verb;
    }

    /// <summary>Articles renamed because their id was taken.</summary>
    public int Renamed { get; private set; }

    public RawArticle Prepare(RawArticle raw)
    {
        var clean = ControlCharacters.ReplaceIn(raw);
        clean = clean with { Id = DocumentIds.Bound(clean.Id) };
        if (_ids.Add(clean.Id))
        {
            return clean;
        }

        for (var n = 2; ; n++)
        {
            var id = DocumentIds.Bound(clean.Id + "~" + n.ToString(CultureInfo.InvariantCulture));
            if (_ids.Add(id))
            {
                Console.Error.WriteLine($"marsad: warning: {raw.SourcePath}: id '{clean.Id}' is used by an earlier input; {_verb} as '{id}'");
                Renamed++;
                return clean with { Id = id };
            }
        }
    }
}
