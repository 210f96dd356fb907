using System.Text;
using Marsad.Model;

namespace Marsad.Extract.Places;

/// <summary>
/// Resolves a place mention to a gazetteer place, reading the words around it. Rules, in the order they weigh:
/// <list type="bullet">
/// <item>candidates: the mention's name; without a leading cue word (قاعدة، محافظة) that is not part of a known
/// name; with a proclitic stripped (وبغداد، للعراق); with ال toggled on its first word;</item>
/// <item>a cue inside the mention or just before it (مطار حرير، قاعدة … عين الأسد) strongly prefers places of the
/// cue's kinds (the base, not the town), and a facility cue counts against places that are not facilities; a cue
/// word before a country's name is ignored (مدينة سورية is an adjective);</item>
/// <item>nesting: "X في Y" or "X بـY" (عين الأسد في الأنبار، حرير بأربيل) prefers the X that lies in Y or in Y's
/// governorate or country, and counts against the others; not when X can be a country or a foreign city;</item>
/// <item>prior by what the place is: country &gt; curated site &gt; curated city &gt; governorate &gt; district &gt;
/// town, plus population (log scale) for towns and cities, plus the place's own name over a variant; so a bare
/// "بغداد" is the city (the gold policy for metonymic capitals) while "الأنبار" is the governorate;</item>
/// <item>the document's country context (<see cref="PlaceContext"/>), a small prior for the field's home
/// countries, and agreement with the mention's type (FAC/LOC/GPE);</item>
/// <item>ties go to the smaller id, so results never depend on load order.</item>
/// </list>
/// Thread-safe: the resolver holds no per-document state.
/// </summary>
public sealed class PlaceResolver
{
    private static readonly Lazy<PlaceResolver> DefaultInstance = new(() => new PlaceResolver(Gazetteer.Default, Proclitics.Default));

    private readonly PlaceResolverOptions _options;

    public PlaceResolver(Gazetteer gazetteer, Proclitics proclitics, PlaceResolverOptions? options = null)
    {
        Gazetteer = gazetteer;
        Proclitics = proclitics;
        _options = options ?? new PlaceResolverOptions();
    }

    public static PlaceResolver Default => DefaultInstance.Value;

    public Gazetteer Gazetteer { get; }

    public Proclitics Proclitics { get; }

    /// <summary>Resolves the mention at <paramref name="span"/> of a document text.</summary>
    public PlaceMatch? Resolve(string text, TextSpan span, string? type = null, PlaceContext? context = null) =>
        Resolve(new FoldedText(text), span, type, context);

    /// <summary>Resolves the mention at <paramref name="span"/> (original offsets) of an already folded text.</summary>
    public PlaceMatch? Resolve(FoldedText text, TextSpan span, string? type = null, PlaceContext? context = null)
    {
        var (first, last) = text.WordRange(span);
        if (last < first)
        {
            return null;
        }

        var words = new List<string>(last - first + 1);
        for (var i = first; i <= last; i++)
        {
            var part = text.WordPart(i, span);
            if (!part.IsEmpty)
            {
                words.Add(NameKey.CanonicalWord(part).ToString());
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        var cueBefore = first > 0 && text.Joined(first) ? CueOf(text.Word(first - 1).ToString()) : null;
        var container = ContainerAfter(text, last, context);
        return Best(words, type, cueBefore, container, context);
    }

    /// <summary>Resolves a bare name (no surrounding text).</summary>
    public PlaceMatch? ResolveName(string name, string? type = null, PlaceContext? context = null)
    {
        var words = NameKey.Words(NameKey.Of(name));
        return words.Length == 0 ? null : Best([.. words], type, null, null, context);
    }

    private PlaceMatch? Best(List<string> words, string? type, PlaceCue? cueBefore, Place? container, PlaceContext? context)
    {
        var candidates = new List<(PlaceName Name, PlaceCue? Cue)>();
        Gather(words, candidates);
        if (candidates.Count == 0)
        {
            return null;
        }

        var namesCountry = candidates.Exists(c => c.Name.Place.Source is PlaceSource.Country);
        var namesCountryOrCity = namesCountry || candidates.Exists(c => c.Name.Place.Source is PlaceSource.City);
        PlaceName? bestName = null;
        var bestScore = 0.0;
        var bestRule = Rule.None;
        foreach (var (name, cueInside) in candidates)
        {
            if (name.Generic && (context is null || context.CountryShare(name.Place.Country) == 0))
            {
                continue;
            }

            var rule = Rule.None;
            var score = Prior(name);
            // A cue before a country's name makes it an adjective or an idiom (مدينة سورية، من ناحية والسعودية), not a town.
            var cue = cueInside ?? (namesCountry ? null : cueBefore);
            if (cue is not null)
            {
                if (cue.Kinds.Contains(name.Place.Kind))
                {
                    score += 8;
                    rule |= Rule.Cue;
                }
                else if (cue.IsFacility && name.Place.Type != "FAC")
                {
                    score -= 2;
                }
            }

            // "دور السعودية في سوريا" is not nesting: when the name can be a country or a foreign city, "X في Y"
            // says where X acts, not where it lies.
            if (container is not null && !namesCountryOrCity)
            {
                if (Holds(container, name.Place))
                {
                    score += 6;
                    rule |= Rule.Nested;
                }
                else
                {
                    score -= 3;
                }
            }

            if (context is not null)
            {
                score += 2 * context.CountryShare(name.Place.Country);
            }

            var home = IndexOf(_options.HomeCountries, name.Place.Country);
            if (home >= 0 && !name.Place.IsCountry)
            {
                score += 0.3 / (home + 1);
            }

            if (type is not null && type == name.Place.Type)
            {
                score += 1;
            }

            if (bestName is not { } b || score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && string.CompareOrdinal(name.Place.Id, b.Place.Id) < 0))
            {
                bestName = name;
                bestScore = score;
                bestRule = rule;
            }
        }

        return bestName is { } found ? new PlaceMatch(found.Place, bestScore, Describe(found, bestRule)) : null;
    }

    private static string Describe(PlaceName name, Rule rule)
    {
        var sb = new StringBuilder(name.Place.Source == PlaceSource.WhosOnFirst ? name.Place.Kind : name.Place.Source.ToString().ToLowerInvariant());
        if (rule.HasFlag(Rule.Cue))
        {
            sb.Append(" cue");
        }

        if (rule.HasFlag(Rule.Nested))
        {
            sb.Append(" nested");
        }

        return sb.ToString();
    }

    /// <summary>The prior of a place by what it is, its population and whether the name is its own.</summary>
    private static double Prior(PlaceName name)
    {
        var p = name.Place;
        var score = p.Source switch
        {
            PlaceSource.Country => 6,
            PlaceSource.Site => 4,
            PlaceSource.City => 3.5,
            _ => p.Kind switch
            {
                "region" => 3,
                "county" => 1.8,
                "campus" => 1.5,
                "locality" => 1.2,
                _ => 0.8,
            },
        };
        // A governorate or district shares its name with its seat: the population bonus goes to the town, the one the news means.
        if (p.Population > 0 && p.Kind is not ("region" or "county"))
        {
            score += 0.5 * Math.Log10(p.Population + 1);
        }

        if (name.Primary)
        {
            score += 1;
        }

        return score;
    }

    private void Gather(List<string> words, List<(PlaceName, PlaceCue?)> into)
    {
        Add(string.Join(' ', words), null, into);
        if (into.Count > 0)
        {
            return;
        }

        var cue = words.Count > 1 ? Gazetteer.Cue(words[0]) : null;
        if (cue is not null)
        {
            var rest = words.GetRange(1, words.Count - 1);
            Add(string.Join(' ', rest), cue, into);
            if (into.Count == 0)
            {
                Add(string.Join(' ', ToggleArticle(rest)), cue, into);
            }

            if (into.Count > 0)
            {
                return;
            }
        }

        foreach (var (stem, _, _) in Proclitics.Strip(words[0]))
        {
            var stripped = new List<string>(words) { [0] = stem };
            Add(string.Join(' ', stripped), null, into);
            if (into.Count > 0)
            {
                return;
            }
        }

        Add(string.Join(' ', ToggleArticle(words)), null, into);
    }

    private void Add(string key, PlaceCue? cue, List<(PlaceName, PlaceCue?)> into)
    {
        foreach (var name in Gazetteer.Lookup(key))
        {
            into.Add((name, cue));
        }
    }

    private static List<string> ToggleArticle(List<string> words)
    {
        var w = words[0];
        var toggled = w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 3 ? w[2..] : "ال" + w;
        return new List<string>(words) { [0] = toggled };
    }

    private PlaceCue? CueOf(string word)
    {
        var cue = Gazetteer.Cue(word);
        if (cue is not null)
        {
            return cue;
        }

        foreach (var (stem, _, _) in Proclitics.Strip(word))
        {
            cue = Gazetteer.Cue(stem);
            if (cue is not null)
            {
                return cue;
            }
        }

        return null;
    }

    /// <summary>The place Y of "X في Y" / "X بـY" right after the mention's last word, resolved on its own.</summary>
    private Place? ContainerAfter(FoldedText text, int last, PlaceContext? context)
    {
        var next = last + 1;
        if (next >= text.Words.Count || !text.Joined(next))
        {
            return null;
        }

        var word = text.Word(next).ToString();
        List<string> words;
        int from;
        if (word == "في" && next + 1 < text.Words.Count && text.Joined(next + 1))
        {
            from = next + 1;
            words = [text.Word(from).ToString()];
        }
        else if (word.Length > 3 && word[0] == 'ب')
        {
            from = next;
            words = [word[1..]];
        }
        else
        {
            return null;
        }

        if (Gazetteer.Cue(words[0]) is not null && from + 1 < text.Words.Count && text.Joined(from + 1))
        {
            from++;
            words = [text.Word(from).ToString()];
        }

        // The longest name that starts there.
        PlaceMatch? found = null;
        for (var i = from; ; i++)
        {
            if (Gazetteer.Lookup(string.Join(' ', words)).Length > 0)
            {
                found = Best([.. words], null, null, null, context);
            }

            if (i + 1 >= text.Words.Count || !text.Joined(i + 1) || words.Count >= Gazetteer.MaxNameWords)
            {
                break;
            }

            words.Add(text.Word(i + 1).ToString());
        }

        return found?.Place;
    }

    /// <summary>True when a nesting container holds a place: the container itself, its governorate or its country.</summary>
    private bool Holds(Place container, Place place)
    {
        if (Gazetteer.IsWithin(place, container))
        {
            return true;
        }

        var region = Gazetteer.RegionOf(container);
        if (region is not null && Gazetteer.IsWithin(place, region))
        {
            return true;
        }

        return container.IsCountry && place.Country == container.Country;
    }

    [Flags]
    private enum Rule
    {
        None = 0,
        Cue = 1,
        Nested = 2,
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
