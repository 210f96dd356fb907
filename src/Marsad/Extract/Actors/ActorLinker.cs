using Marsad.Extract.Places;
using Marsad.Ingest.Metadata;

namespace Marsad.Extract.Actors;

/// <summary>
/// Gives every entity mention of a document a ref, the same for every mention of one entity, within and across
/// documents. Rules, in order:
/// <list type="bullet">
/// <item>GPE/LOC/FAC mentions resolve to a gazetteer place in the document's context (the ref is the place id);</item>
/// <item>a mention whose name (or its name without proclitics) is an actor alias gets the actor's id; "[ctx]"
/// aliases need their context word before the mention, "~" aliases an earlier mention of the actor; an alias of
/// the mention's type wins over one of another type;</item>
/// <item>then, in text order, for what is left: a title or generic name resolved by the document date and the
/// countries the document names (رئيس الوزراء العراقي in 2021 and in 2024); an actor alias of the same type
/// inside a longer mention (السيد مقتدى الصدر), never a one-word surname inside a person's longer name (تركي
/// المالكي is not Nouri al-Maliki) nor an actor of another country than the mention's nationality adjective; a place named exactly (a metonymic "واشنطن" tagged ORG) when it is a country, city, site or governorate, and
/// never for a person's name;
/// a title or generic name whose holder the document already named goes to that holder first;
/// coreference with an earlier, longer mention of the same type that ends with the mention or begins with it
/// (a surname, a given name);</item>
/// <item>anything else gets <see cref="UnknownEntityId"/>: a stable id from its normalized name (without the
/// article, so definite and indefinite forms agree) and type.</item>
/// </list>
/// Thread-safe: per-document state stays local.
/// </summary>
public sealed class ActorLinker
{
    private static readonly Lazy<ActorLinker> DefaultInstance = new(() => new ActorLinker(ActorCatalog.Default, PlaceResolver.Default));

    public ActorLinker(ActorCatalog catalog, PlaceResolver places)
    {
        Catalog = catalog;
        Places = places;
    }

    public static ActorLinker Default => DefaultInstance.Value;

    public ActorCatalog Catalog { get; }

    public PlaceResolver Places { get; }

    /// <summary>The refs of a document's mentions, in the order of <paramref name="mentions"/>.</summary>
    public IReadOnlyList<LinkedMention> Link(string text, IReadOnlyList<EntityMention> mentions, DateOnly? date) =>
        Link(new FoldedText(text), mentions, date);

    /// <summary>The refs of a document's mentions, for a text already folded (fold once, find and link).</summary>
    public IReadOnlyList<LinkedMention> Link(FoldedText folded, IReadOnlyList<EntityMention> mentions, DateOnly? date)
    {
        var order = Enumerable.Range(0, mentions.Count).OrderBy(i => mentions[i].Span.Start).ThenBy(i => i).ToArray();
        var result = new LinkedMention?[mentions.Count];
        var words = new List<string>[mentions.Count];
        var firstWord = new int[mentions.Count];
        var context = new PlaceContext();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var i in order)
        {
            var m = mentions[i];
            (words[i], firstWord[i]) = WordsOf(folded, m);
            if (words[i].Count == 0)
            {
                continue;
            }

            if (m.Type is "GPE" or "LOC" && InOutletName(folded, firstWord[i], m.Span.Start))
            {
                // قناة "روسيا 1"، موقع "مصر العربية": the place's name is part of an outlet's.
                var outlet = m with { Type = "ORG" };
                result[i] = new LinkedMention(outlet, UnknownEntityId.For("ORG", UnknownKey(words[i])), LinkRule.Unknown, null, null);
                continue;
            }

            if (m.Type is "GPE" or "LOC" or "FAC" && Places.Resolve(folded, m.Span, m.Type, context) is { } match)
            {
                result[i] = new LinkedMention(m, match.Place.Id, LinkRule.Place, null, match.Place);
                context.Observe(match.Place);
                continue;
            }

            if (FindAlias(folded, words[i], firstWord[i], m.Type, seen) is { } actor)
            {
                result[i] = new LinkedMention(m, actor.Id, LinkRule.Alias, actor, null);
                seen[actor.Id] = m.Span.Start;
                context.Observe(actor.Country);
            }
        }

        // Every mention that starts before the one being linked is linked by then (the first pass, or this one in text
        // order), and goes into the index of antecedents.
        var antecedents = new AntecedentIndex();
        var added = 0;
        foreach (var i in order)
        {
            for (; added < order.Length && mentions[order[added]].Span.Start < mentions[i].Span.Start; added++)
            {
                antecedents.Add(mentions[order[added]], words[order[added]], result[order[added]]!);
            }

            if (result[i] is not null)
            {
                continue;
            }

            var m = mentions[i];
            result[i] = words[i].Count == 0
                ? new LinkedMention(m, UnknownEntityId.For(m.Type, m.Text), LinkRule.Unknown, null, null)
                : LinkRest(folded, m, words[i], date, context, seen, antecedents);
            if (result[i]!.Actor is { } a)
            {
                seen[a.Id] = mentions[i].Span.Start;
            }
        }

        return result!;
    }

    private LinkedMention LinkRest(FoldedText folded, EntityMention m, List<string> w, DateOnly? date, PlaceContext context,
        Dictionary<string, int> seen, AntecedentIndex antecedents)
    {
        foreach (var key in KeyVariants(w))
        {
            // A holder the document already named is the one meant (وزارة الدفاع after وزارة الدفاع الأمريكية).
            var named = Catalog.TitleHolders(key, date).Where(a => seen.ContainsKey(a.Id)).OrderByDescending(a => seen[a.Id]).FirstOrDefault();
            if ((named ?? Catalog.ResolveTitle(key, date, context)) is { } holder)
            {
                return new LinkedMention(m, holder.Id, LinkRule.Title, holder, null);
            }
        }

        // The longest alias of the mention's type inside it.
        for (var length = w.Count - 1; length >= 1; length--)
        {
            for (var start = 0; start + length <= w.Count; start++)
            {
                var key = string.Join(' ', w.GetRange(start, length));
                foreach (var alias in Catalog.Aliases(key))
                {
                    if (alias.Actor.Type == m.Type && alias.Context is null && (!alias.Anaphoric || seen.ContainsKey(alias.Actor.Id))
                        && (m.Type != "PER" || length > 1) && !OtherNationality(w, alias.Actor))
                    {
                        return new LinkedMention(m, alias.Actor.Id, LinkRule.ContainedAlias, alias.Actor, null);
                    }
                }
            }
        }

        if (m.Type is not ("GPE" or "LOC" or "FAC" or "PER") && Places.Gazetteer.Lookup(string.Join(' ', w)).Length > 0
            && Places.Resolve(folded, m.Span, null, context) is { } place && StandsForActor(place.Place))
        {
            // A place named as an actor (دمشق for the government, a country read as ORG) is still a GPE mention.
            return new LinkedMention(m with { Type = place.Place.Type }, place.Place.Id, LinkRule.Place, null, place.Place);
        }

        // Coreference: the nearest earlier mention of the same type whose name ends or begins with this one.
        var antecedent = antecedents.Find(m, w);
        if (antecedent is not null)
        {
            return new LinkedMention(m, antecedent.Ref, LinkRule.Coreference, antecedent.Actor, antecedent.Place);
        }

        return new LinkedMention(m, UnknownEntityId.For(m.Type, UnknownKey(w)), LinkRule.Unknown, null, null);
    }

    /// <summary>
    /// True when a place can stand for an actor (دمشق for the government, a country, a governorate): a village or a
    /// neighbourhood that shares its name with a club, a word or a tagger's ORG is not read as one, and a person's name
    /// is never a place.
    /// </summary>
    private static bool StandsForActor(Place place) =>
        place.Source is PlaceSource.Country or PlaceSource.City or PlaceSource.Site || place.Kind is "region" or "county";

    /// <summary>
    /// True when the mention carries the nationality adjective of another country than the actor's: وزارة الصحة
    /// الفلسطينية is not the Iraqi ministry of health, whatever name they share.
    /// </summary>
    private static bool OtherNationality(List<string> w, Actor actor)
    {
        if (string.IsNullOrEmpty(actor.Country))
        {
            return false;
        }

        foreach (var word in w)
        {
            if (Demonyms.Default.CountryOf(word) is { } country && !string.Equals(country, actor.Country, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name an unknown entity is known by: ل fused with the article gives the article back (للبرلمان), and the
    /// article is dropped from every word, so the definite and indefinite forms of a name (لجنة عسكرية عليا،
    /// اللجنة العسكرية العليا) are one entity.
    /// </summary>
    private string UnknownKey(List<string> w)
    {
        var words = new List<string>(w);
        foreach (var (stem, _, fused) in Places.Proclitics.Strip(words[0]))
        {
            if (fused)
            {
                words[0] = stem;
                break;
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length > 4 && words[i].StartsWith("ال", StringComparison.Ordinal))
            {
                words[i] = words[i][2..];
            }
        }

        return string.Join(' ', words);
    }

    private Actor? FindAlias(FoldedText folded, List<string> w, int first, string type, Dictionary<string, int> seen)
    {
        foreach (var key in KeyVariants(w))
        {
            Actor? best = null;
            var bestRank = double.MinValue;
            foreach (var alias in Catalog.Aliases(key))
            {
                if (alias.Context is not null && !ContextBefore(folded, first, alias.Context))
                {
                    continue;
                }

                var last = -1;
                if (alias.Anaphoric && !seen.TryGetValue(alias.Actor.Id, out last))
                {
                    continue;
                }

                // The mention's type first; among short forms two actors share, the one named last.
                var rank = (alias.Actor.Type == type ? 1e9 : 0) + (alias.Anaphoric ? last : 1e8);
                if (rank > bestRank)
                {
                    best = alias.Actor;
                    bestRank = rank;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The mention's key, then its key with a proclitic stripped from the first word.</summary>
    private IEnumerable<string> KeyVariants(List<string> w)
    {
        yield return string.Join(' ', w);
        foreach (var (stem, _, _) in Places.Proclitics.Strip(w[0]))
        {
            yield return w.Count == 1 ? stem : stem + " " + string.Join(' ', w.Skip(1));
        }
    }

    /// <summary>
    /// True when the mention opens a quoted outlet name: a media word (قناة، إذاعة، موقع…) one or two words before it
    /// and a quotation mark between them (قناة "روسيا 1"، لإذاعة "صوت فلسطين").
    /// </summary>
    private bool InOutletName(FoldedText text, int first, int start)
    {
        for (var k = first - 1; k >= 0 && k >= first - 2; k--)
        {
            if (!text.Joined(k + 1))
            {
                return false;
            }

            var word = text.Word(k).ToString();
            var media = OutletCatalog.MediaDescriptors.Contains(word) || Places.Proclitics.Strip(word).Any(s => OutletCatalog.MediaDescriptors.Contains(s.Stem));
            if (media)
            {
                var between = text.Original.AsSpan(text.ToOriginal(text.Words[k].End - 1) + 1, start - text.ToOriginal(text.Words[k].End - 1) - 1);
                return between.IndexOfAny("\"«“'‘") >= 0;
            }
        }

        return false;
    }

    private bool ContextBefore(FoldedText text, int first, string context)
    {
        if (first == 0 || !text.Joined(first))
        {
            return false;
        }

        var word = text.Word(first - 1).ToString();
        return word == context || Places.Proclitics.Strip(word).Any(s => s.Stem == context);
    }

    private static (List<string> Words, int First) WordsOf(FoldedText text, EntityMention m)
    {
        var (first, last) = text.WordRange(m.Span);
        var list = new List<string>();
        for (var i = first; i <= last; i++)
        {
            var part = text.WordPart(i, m.Span);
            if (!part.IsEmpty)
            {
                list.Add(NameKey.CanonicalWord(part).ToString());
            }
        }

        return (list, first);
    }
}
