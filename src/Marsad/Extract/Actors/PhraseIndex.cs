using Marsad.Extract.Places;

namespace Marsad.Extract.Actors;

/// <summary>
/// The phrases <see cref="ActorMentionFinder"/> looks for, keyed by <see cref="NameKey"/>, with every proper word
/// prefix of a phrase present as a node that says a longer phrase may follow, so matching stops as soon as no
/// phrase can continue. Immutable once built.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, PhraseNode> _nodes = new(StringComparer.Ordinal);
    private Dictionary<string, PhraseNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseIndex(ActorCatalog catalog, Gazetteer gazetteer, ActorMentionFinderOptions options)
    {
        if (options.Actors)
        {
            foreach (var (key, aliases) in catalog.AliasKeys)
            {
                var findable = Array.FindAll(aliases, a => !a.Descriptive);
                if (findable.Length > 0)
                {
                    Node(key).Aliases = findable;
                }
            }
        }

        if (options.GenericNames || options.PersonTitles)
        {
            foreach (var (key, terms) in catalog.TitleKeys)
            {
                var type = terms[0].Actor.Type;
                if (type == "PER" ? options.PersonTitles : options.GenericNames)
                {
                    Node(key).TitleType = type;
                }
            }
        }

        if (options.Places)
        {
            foreach (var (key, names) in gazetteer.Names)
            {
                if (Array.Exists(names, n => n.Findable))
                {
                    Node(key).Place = true;
                }
            }
        }

        _lookup = _nodes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public PhraseNode? Find(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var node) ? node : null;

    private PhraseNode Node(string key)
    {
        if (!_nodes.TryGetValue(key, out var node))
        {
            _nodes[key] = node = new PhraseNode();
            for (var i = key.IndexOf(' '); i > 0; i = key.IndexOf(' ', i + 1))
            {
                var prefix = key[..i];
                if (!_nodes.TryGetValue(prefix, out var p))
                {
                    _nodes[prefix] = p = new PhraseNode();
                }

                p.HasLonger = true;
            }
        }

        return node;
    }
}
