using Marsad.Extract.Places;

namespace Marsad.Extract.Actors;

/// <summary>
/// Drops one-word mentions that are a nationality adjective qualifying the word before them, not a name: السوداني in
/// الرئيس السوداني or الفول السوداني (not the Iraqi prime minister al-Sudani), السعودية in مدينة جازان السعودية or
/// القنصلية السعودية (not the country), الحوثي in الزعيم الحوثي. Rules, on the folded text:
/// <list type="bullet">
/// <item>the mention is one whole word without proclitic, a nationality adjective of <c>data/gazetteer/demonyms.tsv</c>
/// (ال…ي / ال…ية / ال…يين / ال…يون); a family nisba after a rank (العقيد المالكي) stays a name;</item>
/// <item>the word before it is in the same phrase (no punctuation) and is a definite noun (ال, also after a proclitic)
/// or ends a place mention, and the two agree: a feminine -ية after a word in ة or ات or after a place, a plural
/// after a plural in ين/ون, a masculine -ي after a word that is neither;</item>
/// <item>a nisba-shaped name the gazetteer knows as a city, a governorate or district, a site, or a town of
/// 50,000 people (الرمادي، اللاذقية) stays: an apposition (المدينة الساحلية اللاذقية) names it.</item>
/// </list>
/// </summary>
public sealed class NisbaAdjective
{
    private static readonly Lazy<NisbaAdjective> DefaultInstance = new(() => new NisbaAdjective(PlaceResolver.Default, Demonyms.Default));

    private readonly PlaceResolver _places;
    private readonly Demonyms _demonyms;

    public NisbaAdjective(PlaceResolver places, Demonyms demonyms)
    {
        _places = places;
        _demonyms = demonyms;
    }

    public static NisbaAdjective Default => DefaultInstance.Value;

    /// <summary>The mentions without those that are adjectives, in their order.</summary>
    public IReadOnlyList<EntityMention> Filter(FoldedText text, IReadOnlyList<EntityMention> mentions)
    {
        List<EntityMention>? kept = null;
        for (var i = 0; i < mentions.Count; i++)
        {
            if (IsAdjective(text, mentions, i))
            {
                kept ??= mentions.Take(i).ToList();
            }
            else
            {
                kept?.Add(mentions[i]);
            }
        }

        return kept ?? mentions;
    }

    private bool IsAdjective(FoldedText text, IReadOnlyList<EntityMention> mentions, int index)
    {
        var m = mentions[index];
        var (first, last) = text.WordRange(m.Span);
        if (first != last || first <= 0 || !text.Joined(first) || text.ToOriginal(text.Words[first].Start) != m.Span.Start)
        {
            return false;
        }

        var word = text.Word(first).ToString();
        var feminine = word.EndsWith("يه", StringComparison.Ordinal);
        var plural = word.EndsWith("يين", StringComparison.Ordinal) || word.EndsWith("يون", StringComparison.Ordinal);
        if (word.Length < 5 || !word.StartsWith("ال", StringComparison.Ordinal) || !(feminine || plural || word.EndsWith('ي')))
        {
            return false;
        }

        var before = text.Word(first - 1).ToString();
        var afterPlace = EndsPlaceMention(text, mentions, index, first - 1);
        if (!afterPlace && !IsDefinite(before))
        {
            return false;
        }

        var agrees = feminine ? afterPlace || before.EndsWith('ه') || before.EndsWith("ات", StringComparison.Ordinal)
            : plural ? before.EndsWith(word[^2..], StringComparison.Ordinal)
            : !(before.EndsWith("ين", StringComparison.Ordinal) || before.EndsWith("ون", StringComparison.Ordinal) || before.EndsWith("ات", StringComparison.Ordinal));
        // Only a nationality adjective qualifies a noun this way: a family nisba after a rank (العقيد المالكي) is a name.
        return agrees && _demonyms.CountryOf(word) is not null && !IsNotablePlace(word);
    }

    private bool IsDefinite(string word)
    {
        if (word.StartsWith("ال", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var (stem, _, _) in _places.Proclitics.Strip(word))
        {
            if (stem.StartsWith("ال", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsPlaceMention(FoldedText text, IReadOnlyList<EntityMention> mentions, int index, int word)
    {
        var end = text.ToOriginal(text.Words[word].End - 1) + 1;
        for (var j = index - 1; j >= 0 && j >= index - 2; j--)
        {
            if (mentions[j].Span.End == end && mentions[j].Type is "GPE" or "LOC" or "FAC")
            {
                return true;
            }
        }

        return false;
    }

    private bool IsNotablePlace(string word)
    {
        foreach (var name in _places.Gazetteer.Lookup(word))
        {
            var p = name.Place;
            if (p.Source is PlaceSource.City or PlaceSource.Site || p.Kind is "region" or "county" || p.Population >= 50_000)
            {
                return true;
            }
        }

        return false;
    }
}
