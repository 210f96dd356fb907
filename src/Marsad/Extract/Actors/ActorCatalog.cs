using System.Collections.Frozen;
using System.Globalization;
using Marsad.Arabic;
using Marsad.Extract.Places;

namespace Marsad.Extract.Actors;

/// <summary>
/// The curated actors of <c>data/actors/</c>, loaded once: actors.tsv (actors and their aliases) and titles.tsv
/// (dated descriptive aliases). Immutable and thread-safe. Rules:
/// <list type="bullet">
/// <item>aliases are indexed by <see cref="NameKey"/>; "~" marks an anaphoric alias, "?" a descriptive phrase,
/// "[ctx] " a required preceding word (none is part of the key);</item>
/// <item>a title resolves by the document date (the terms that hold it; without a date, the open terms), then,
/// when several actors remain (a title that names no country), by the country the document names most; a tie
/// leaves the title unresolved rather than guessing.</item>
/// </list>
/// </summary>
public sealed class ActorCatalog
{
    private static readonly Lazy<ActorCatalog> DefaultInstance = new(() => Load(Path.Combine(DataFiles.Root, "actors")));

    private readonly FrozenDictionary<string, Actor> _byId;
    private readonly FrozenDictionary<string, ActorAlias[]> _aliases;
    private readonly FrozenDictionary<string, ActorAlias[]>.AlternateLookup<ReadOnlySpan<char>> _aliasesSpan;
    private readonly FrozenDictionary<string, ActorTitle[]> _titles;
    private readonly FrozenDictionary<string, ActorTitle[]>.AlternateLookup<ReadOnlySpan<char>> _titlesSpan;

    private ActorCatalog(IReadOnlyList<Actor> actors, Dictionary<string, List<ActorAlias>> aliases, Dictionary<string, List<ActorTitle>> titles)
    {
        Actors = actors;
        _byId = actors.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        _aliases = aliases.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _aliasesSpan = _aliases.GetAlternateLookup<ReadOnlySpan<char>>();
        _titles = titles.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _titlesSpan = _titles.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ActorCatalog Default => DefaultInstance.Value;

    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>All alias keys with their entries.</summary>
    public IEnumerable<KeyValuePair<string, ActorAlias[]>> AliasKeys => _aliases;

    /// <summary>All title keys with their terms.</summary>
    public IEnumerable<KeyValuePair<string, ActorTitle[]>> TitleKeys => _titles;

    public Actor? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The actors an alias key names.</summary>
    public ReadOnlySpan<ActorAlias> Aliases(ReadOnlySpan<char> key) => _aliasesSpan.TryGetValue(key, out var a) ? a : ReadOnlySpan<ActorAlias>.Empty;

    /// <summary>The terms of a title key.</summary>
    public ReadOnlySpan<ActorTitle> Titles(ReadOnlySpan<char> key) => _titlesSpan.TryGetValue(key, out var t) ? t : ReadOnlySpan<ActorTitle>.Empty;

    /// <summary>The actors who hold a title on a date (without a date: the open terms), in table order.</summary>
    public IReadOnlyList<Actor> TitleHolders(ReadOnlySpan<char> key, DateOnly? date)
    {
        var holders = new List<Actor>();
        foreach (var t in Titles(key))
        {
            var holds = date is { } d ? t.Holds(d) : t.Until is null;
            if (holds && !holders.Contains(t.Actor))
            {
                holders.Add(t.Actor);
            }
        }

        return holders;
    }

    /// <summary>The actor a title stands for on a date, in a document whose country context is given; or null.</summary>
    public Actor? ResolveTitle(ReadOnlySpan<char> key, DateOnly? date, PlaceContext? context = null)
    {
        var holders = TitleHolders(key, date);
        if (holders.Count == 1)
        {
            // A generic name (وزارة الداخلية) with one holder in the table is that holder only in a document that
            // names its country, or names no country at all: in a story on Yemen it is Yemen's ministry, unknown here.
            var only = holders[0];
            return context is null || context.Countries.Count == 0 || only.Country.Length == 0 || context.CountryShare(only.Country) > 0 ? only : null;
        }

        if (holders.Count == 0)
        {
            return null;
        }

        if (context is null)
        {
            return null;
        }

        var ranked = holders.Select(a => (Actor: a, Share: context.CountryShare(a.Country))).OrderByDescending(x => x.Share).ToList();
        return ranked[0].Share > 0 && ranked[0].Share > ranked[1].Share ? ranked[0].Actor : null;
    }

    /// <summary>Loads actors.tsv and titles.tsv from a folder.</summary>
    public static ActorCatalog Load(string folder)
    {
        var actors = new List<Actor>();
        var aliases = new Dictionary<string, List<ActorAlias>>(StringComparer.Ordinal);
        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "actors.tsv")))
        {
            var raw = r[5].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var display = raw.Select(a => ParseAlias(a).Text).ToArray();
            var actor = new Actor(r[0], r[1], r[2], r[3], r[4], display[0], display, r[6]);
            actors.Add(actor);
            foreach (var a in raw)
            {
                var (text, anaphoric, context, descriptive) = ParseAlias(a);
                var key = NameKey.Of(text);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!aliases.TryGetValue(key, out var list))
                {
                    aliases[key] = list = [];
                }

                list.Add(new ActorAlias(actor, anaphoric, context, descriptive));
            }
        }

        var byId = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var titles = new Dictionary<string, List<ActorTitle>>(StringComparer.Ordinal);
        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "titles.tsv")))
        {
            var actor = byId.GetValueOrDefault(r[0]) ?? throw new InvalidDataException($"titles.tsv names the actor '{r[0]}', which actors.tsv does not have");
            var from = r.Length > 2 ? ParseDate(r[2], start: true) : null;
            var until = r.Length > 3 ? ParseDate(r[3], start: false) : null;
            var term = new ActorTitle(actor, from, until, r.Length > 4 ? r[4] : "");
            foreach (var t in r[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var key = NameKey.Of(t);
                if (!titles.TryGetValue(key, out var list))
                {
                    titles[key] = list = [];
                }

                list.Add(term);
            }
        }

        return new ActorCatalog(actors, aliases, titles);
    }

    /// <summary>Splits the alias syntax: "~alias" (anaphoric), "?alias" (descriptive), "[ctx] alias" (required preceding word).</summary>
    public static (string Text, bool Anaphoric, string? Context, bool Descriptive) ParseAlias(string alias)
    {
        var anaphoric = alias.StartsWith('~');
        var descriptive = alias.StartsWith('?');
        var text = anaphoric || descriptive ? alias[1..] : alias;
        string? context = null;
        if (text.StartsWith('[') && text.IndexOf(']') is var close and > 1)
        {
            context = NameKey.Of(text.AsSpan(1, close - 1));
            text = text[(close + 1)..].Trim();
        }

        return (text, anaphoric, context, descriptive);
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD; a start bound is the first day, an end bound the day after the last.</summary>
    private static DateOnly? ParseDate(string s, bool start)
    {
        if (s.Length == 0)
        {
            return null;
        }

        var parts = s.Split('-');
        var y = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length == 1)
        {
            return start ? new DateOnly(y, 1, 1) : new DateOnly(y + 1, 1, 1);
        }

        var m = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (parts.Length == 2)
        {
            return start ? new DateOnly(y, m, 1) : new DateOnly(y, m, 1).AddMonths(1);
        }

        // A full date ends a term on that day: the successor holds the title from then on.
        return new DateOnly(y, m, int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
