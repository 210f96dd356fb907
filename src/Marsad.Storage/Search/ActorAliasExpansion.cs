using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Marsad.Extract.Actors;
using Marsad.Extract.Places;

namespace Marsad.Storage.Search;

/// <summary>
/// The other names of the actor a run of query words names, from the engine's actor catalogue (<c>data/actors/</c>):
/// داعش finds تنظيم الدولة and الدولة الإسلامية. Rules:
/// <list type="bullet">
/// <item>names are compared as the index's analyzer sees them (normalized, clitics off, stemmed), so لداعش and داعش are
/// one name; the longest run of words that is a name wins;</item>
/// <item>an alias valid only after a word (<c>[تنظيم] الدولة</c>) is the phrase with that word (تنظيم الدولة): alone,
/// الدولة names no actor;</item>
/// <item>anaphoric short forms (<c>~التحالف</c>) are no names here: out of their document they name nothing; a name
/// that several actors share is not expanded (which one the analyst means is unknown);</item>
/// <item>each name is at most <see cref="MaxAliases"/> aliases, to bound the query.</item>
/// </list>
/// One table per analyzer, built once.
/// </summary>
public sealed class ActorAliasExpansion
{
    /// <summary>The most alias phrases one name expands to.</summary>
    public const int MaxAliases = 12;

    private static readonly ConditionalWeakTable<Analyzer, ActorAliasExpansion> Tables = [];

    // Analyzed alias (terms joined by a space) → the analyzed phrases of every alias of its actor.
    private readonly Dictionary<string, (string Term, int Position)[][]> _names = new(StringComparer.Ordinal);
    private readonly int _longest;

    private ActorAliasExpansion(Analyzer analyzer, ActorCatalog catalog)
    {
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var phrasesOf = new Dictionary<string, List<(string Term, int Position)[]>>(StringComparer.Ordinal);
        foreach (var actor in catalog.Actors)
        {
            var phrases = new List<(string Term, int Position)[]>();
            foreach (var display in actor.Aliases)
            {
                var key = NameKey.Of(display);
                var entry = catalog.Aliases(key).ToArray().FirstOrDefault(a => a.Actor == actor);
                if (entry.Actor is null || entry.Anaphoric)
                {
                    continue;
                }

                var terms = SearchQueryBuilder.Analyze(analyzer, entry.Context is { } context ? context + " " + display : display).ToArray();
                if (terms.Length > 0 && !phrases.Any(p => p.SequenceEqual(terms)))
                {
                    phrases.Add(terms);
                }
            }

            phrasesOf[actor.Id] = phrases;
            foreach (var p in phrases)
            {
                var joined = string.Join(' ', p.Select(t => t.Term));
                (owners.TryGetValue(joined, out var set) ? set : owners[joined] = new HashSet<string>(StringComparer.Ordinal)).Add(actor.Id);
            }
        }

        foreach (var (name, actors) in owners)
        {
            if (actors.Count == 1 && phrasesOf[actors.First()] is { Count: > 1 } phrases)
            {
                _names[name] = [.. phrases.Take(MaxAliases)];
                _longest = Math.Max(_longest, name.Count(c => c == ' ') + 1);
            }
        }
    }

    /// <summary>The table for an analyzer (the catalogue's aliases analyzed by it).</summary>
    public static ActorAliasExpansion For(Analyzer analyzer) => Tables.GetValue(analyzer, a => new ActorAliasExpansion(a, ActorCatalog.Default));

    /// <summary>
    /// The longest name that starts at <paramref name="start"/> in a sequence of analyzed words: how many words it
    /// spans and the aliases of its actor (each an analyzed phrase with its positions, the name itself among them); (0, []) when none.
    /// </summary>
    public (int Length, IReadOnlyList<(string Term, int Position)[]> Aliases) Match(IReadOnlyList<string> words, int start)
    {
        for (var length = Math.Min(_longest, words.Count - start); length > 0; length--)
        {
            var name = string.Join(' ', words.Skip(start).Take(length));
            if (_names.TryGetValue(name, out var aliases))
            {
                return (length, aliases);
            }
        }

        return (0, []);
    }
}
