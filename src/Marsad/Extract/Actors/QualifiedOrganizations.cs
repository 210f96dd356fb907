using Marsad.Arabic;
using Marsad.Extract.Places;
using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>
/// Finds the organizations named by a head noun and a nationality adjective (القوات الروسية، وزارة الصحة
/// الفلسطينية، قوات الدفاع الجوي الملكي السعودي، الجماعة الحوثية), which no table can list one by one, and puts them
/// among the other mentions. Rules:
/// <list type="bullet">
/// <item>the head is a word of <c>data/actors/organization_heads.tsv</c>, possibly after a proclitic (left out of
/// the mention, except ل fused with the article: للقوات الروسية);</item>
/// <item>up to four definite words (ال…) may follow the head in the same phrase, then a nationality adjective of
/// <c>data/gazetteer/demonyms.tsv</c> ends the mention, or a word with ل fused to the article that names a known actor,
/// a place or an organization head, after at least one of them, ends it before that word (قوات الدفاع الجوي للتحالف:
/// the organ, then the body it belongs to);</item>
/// <item>an agreement head (الاتفاق) with adjectives right after it (الاتفاق الروسي- التركي) or the city or country it
/// was made in (اتفاق سوتشي) is a MISC mention;</item>
/// <item>a head right after a person's title (وزير الخارجية البريطاني) is part of the title, not a mention;</item>
/// <item>a phrase the actors table lists as a description (?القوات الأمريكية) is left out;</item>
/// <item>the phrase is an ORG mention; it replaces the mentions inside it or crossing it (the country's adjective
/// read as the country, a generic title), unless one mention already spans it whole or more.</item>
/// </list>
/// </summary>
public sealed class QualifiedOrganizations
{
    private const int MaxBetween = 4;

    private static readonly Lazy<QualifiedOrganizations> DefaultInstance = new(() => new QualifiedOrganizations(
        ReadWords("head"), ReadWords("stop"), Demonyms.Default, PlaceResolver.Default, ActorCatalog.Default, ReadWords("agreement")));

    private readonly HashSet<string> _heads;
    private readonly HashSet<string> _stops;
    private readonly Demonyms _demonyms;
    private readonly PlaceResolver _places;
    private readonly ActorCatalog _catalog;
    private readonly HashSet<string> _agreements;

    public QualifiedOrganizations(IEnumerable<string> heads, IEnumerable<string> stops, Demonyms demonyms, PlaceResolver places, ActorCatalog catalog,
        IEnumerable<string>? agreements = null)
    {
        _catalog = catalog;
        _agreements = (agreements ?? []).Select(h => NameKey.Of(h)).ToHashSet(StringComparer.Ordinal);
        _heads = heads.Select(h => NameKey.Of(h)).ToHashSet(StringComparer.Ordinal);
        _stops = stops.Select(h => NameKey.Of(h)).ToHashSet(StringComparer.Ordinal);
        _demonyms = demonyms;
        _places = places;
    }

    public static QualifiedOrganizations Default => DefaultInstance.Value;

    /// <summary>The ORG phrases of a text, in text order.</summary>
    public IReadOnlyList<EntityMention> Find(FoldedText text)
    {
        var found = new List<EntityMention>();
        var i = 0;
        while (i < text.Words.Count)
        {
            var (cut, agreement) = HeadCut(text.Word(i).ToString());
            if (cut < 0 || TitleBefore(text, i))
            {
                i++;
                continue;
            }

            var end = agreement ? Agreement(text, i) : Organization(text, i);
            if (end < 0 || (!agreement && (NamesPlace(text, i + 1, end) || IsDescriptive(text, i, end, cut))))
            {
                i++;
                continue;
            }

            var span = text.ToOriginal(text.Words[i].Start + cut, text.Words[end].End);
            found.Add(EntityMention.At(text.Original, span, agreement ? "MISC" : "ORG"));
            i = end + 1;
        }

        return found;
    }

    /// <summary>The last word of an organization headed by word <paramref name="head"/>: definite words, then an adjective; or -1.</summary>
    private int Organization(FoldedText text, int head)
    {
        for (var j = head + 1; j < text.Words.Count && j <= head + MaxBetween + 1 && text.Joined(j); j++)
        {
            var word = text.Word(j).ToString();
            if (_demonyms.CountryOf(word) is not null)
            {
                return j;
            }

            // "قوات الدفاع الجوي للتحالف": the organ of a body named after ل is named by the words before it.
            if (j >= head + 2 && word.StartsWith("لل", StringComparison.Ordinal) && word.Length > 3 && NamesBody("ال" + word[2..]))
            {
                return j - 1;
            }

            if (!word.StartsWith("ال", StringComparison.Ordinal) || _stops.Contains(word))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A word that names a body an organ belongs to: a known actor (التحالف), a place, or an organization head (النظام).</summary>
    private bool NamesBody(string key) =>
        !_catalog.Aliases(key).IsEmpty || !_places.Gazetteer.Lookup(key).IsEmpty || _heads.Contains(key);

    /// <summary>The last word of an agreement named by adjectives right after its head (الاتفاق الروسي- التركي); or -1.</summary>
    private int Agreement(FoldedText text, int head)
    {
        var end = -1;
        for (var j = head + 1; j < text.Words.Count && _demonyms.CountryOf(text.Word(j).ToString()) is not null; j++)
        {
            var gap = text.Text.AsSpan(text.Words[j - 1].End, text.Words[j].Start - text.Words[j - 1].End);
            if (gap.Trim(" \u00A0-\u2010\u2011\u2012\u2013").Length > 0)
            {
                break;
            }

            end = j;
        }

        if (end < 0 && head + 1 < text.Words.Count && text.Joined(head + 1) && !text.Word(head).StartsWith("ال", StringComparison.Ordinal))
        {
            // Named after the city or country it was made in, in a construct (اتفاق سوتشي، اتفاق الطائف); الاتفاق تركيا
            // is an agreement and a country.
            for (var last = Math.Min(head + 3, text.Words.Count - 1); last > head && end < 0; last--)
            {
                var key = string.Join(' ', Enumerable.Range(head + 1, last - head).Select(x => text.Word(x).ToString()));
                foreach (var name in _places.Gazetteer.Lookup(key))
                {
                    if (name.Place.Source is PlaceSource.City or PlaceSource.Country)
                    {
                        end = last;
                        break;
                    }
                }
            }
        }

        return end;
    }

    /// <summary>True when a person's title comes right before the head (وزير الخارجية البريطاني is a person's title).</summary>
    private bool TitleBefore(FoldedText text, int head)
    {
        if (head == 0 || !text.Joined(head))
        {
            return false;
        }

        var word = text.Word(head - 1).ToString();
        return _stops.Contains(word) || _places.Proclitics.Strip(word).Any(s => _stops.Contains(s.Stem));
    }

    /// <summary>The mentions with the ORG and MISC phrases of the text put in (a longer mention, or an ORG over the same span, stays), in text order.</summary>
    public IReadOnlyList<EntityMention> Apply(FoldedText text, IReadOnlyList<EntityMention> mentions) =>
        EntityMentionMerger.PutIn(mentions, Find(text), (m, q) => m.Span.Length > q.Span.Length || m.Type == "ORG");

    /// <summary>True when words from <paramref name="first"/> to before <paramref name="end"/> end with a country's or city's name
    /// (قيادة الولايات المتحدة الأمريكية: the adjective qualifies the country, the place is its own mention).</summary>
    private bool NamesPlace(FoldedText text, int first, int end)
    {
        for (var k = first; k <= end; k++)
        {
            // Words before the adjective (الولايات المتحدة الأمريكية), or words with it (المملكة العربية السعودية).
            if (k == end)
            {
                break;
            }

            foreach (var last in new[] { end - 1, end })
            {
                var key = string.Join(' ', Enumerable.Range(k, last - k + 1).Select(x => text.Word(x).ToString()));
                foreach (var name in _places.Gazetteer.Lookup(key))
                {
                    if (name.Place.Source is PlaceSource.Country or PlaceSource.City)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when the actors table lists the phrase as a description, not a name (?القوات الأمريكية).</summary>
    private bool IsDescriptive(FoldedText text, int first, int last, int cut)
    {
        var head = text.Word(first).ToString();
        var words = new List<string> { cut > 0 ? head[cut..] : head };
        for (var k = first + 1; k <= last; k++)
        {
            words.Add(text.Word(k).ToString());
        }

        var keys = new List<string> { string.Join(' ', words) };
        foreach (var (stem, _, _) in _places.Proclitics.Strip(words[0]))
        {
            keys.Add(stem + " " + string.Join(' ', words.Skip(1)));
        }

        foreach (var key in keys)
        {
            foreach (var alias in _catalog.Aliases(key))
            {
                if (alias.Descriptive)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> ReadWords(string kind) =>
        TsvLexicon.ReadData("actors", "organization_heads.tsv").Where(r => r.Length >= 2 && r[1] == kind).Select(r => r[0]);

    /// <summary>How many characters of the word its proclitic takes when the rest is a head (ل fused with the article: none),
    /// -1 if no head; and whether the head names an agreement.</summary>
    private (int Cut, bool Agreement) HeadCut(string word)
    {
        if (_heads.Contains(word) || _agreements.Contains(word))
        {
            return (0, _agreements.Contains(word));
        }

        foreach (var (stem, prefix, fused) in _places.Proclitics.Strip(word))
        {
            if (_heads.Contains(stem) || _agreements.Contains(stem))
            {
                return (fused ? 0 : prefix, _agreements.Contains(stem));
            }
        }

        return (-1, false);
    }
}
