using System.Collections.Frozen;
using System.Globalization;
using Marsad.Arabic;

namespace Marsad.Extract.Places;

/// <summary>
/// The places Marsad can put on a map, loaded once from <c>data/gazetteer/</c>: countries (centroids), curated
/// foreign cities, curated sites (bases, airports, crossings, compounds, named regions) and the Who's On First
/// places of Iraq and Syria. Immutable and thread-safe. Rules:
/// <list type="bullet">
/// <item>every alias is indexed by its <see cref="NameKey"/>; a site alias that starts with a facility cue
/// (قاعدة حرير) is also indexed with ال toggled on the next word (قاعدة الحرير);</item>
/// <item>Who's On First country records are skipped: countries.tsv is the one source of country centroids;</item>
/// <item>a site's governorate (the Arabic region name in sites.tsv) is linked to the Who's On First region of the
/// same country, so <see cref="IsWithin"/> can tell that a base lies in a governorate;</item>
/// <item>names listed in finder_exclusions.tsv (common words) are not findable in running text, except regions;
/// names in notable_towns.tsv are findable (and indexed) for the Who's On First place they name.</item>
/// </list>
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultInstance = new(() => Load(Path.Combine(DataFiles.Root, "gazetteer")));

    private readonly FrozenDictionary<string, PlaceName[]> _byKey;
    private readonly FrozenDictionary<string, PlaceName[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly FrozenDictionary<string, Place> _byId;
    private readonly FrozenDictionary<string, PlaceCue> _cues;
    private readonly FrozenDictionary<string, PlaceCue>.AlternateLookup<ReadOnlySpan<char>> _cuesSpan;
    private readonly FrozenDictionary<string, Place[]> _parts;

    private Gazetteer(IReadOnlyList<Place> places, Dictionary<string, List<PlaceName>> byKey, Dictionary<string, PlaceCue> cues, int maxWords)
    {
        Places = places;
        _byKey = byKey.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = places.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _cues = cues.ToFrozenDictionary(StringComparer.Ordinal);
        _cuesSpan = _cues.GetAlternateLookup<ReadOnlySpan<char>>();
        _parts = places.Where(p => p.Kind == "part" && p.Country.Length > 0).GroupBy(p => p.Country, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        MaxNameWords = maxWords;
    }

    /// <summary>The gazetteer of the shipped data files, loaded on first use.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    public IReadOnlyList<Place> Places { get; }

    /// <summary>All indexed keys with their places (for building phrase indexes).</summary>
    public IEnumerable<KeyValuePair<string, PlaceName[]>> Names => _byKey;

    /// <summary>The most words any indexed name has.</summary>
    public int MaxNameWords { get; }

    /// <summary>The places named by a <see cref="NameKey"/>; empty when none.</summary>
    public ReadOnlySpan<PlaceName> Lookup(ReadOnlySpan<char> key) =>
        _byKeySpan.TryGetValue(key, out var names) ? names : ReadOnlySpan<PlaceName>.Empty;

    public ReadOnlySpan<PlaceName> Lookup(string key) => Lookup(key.AsSpan());

    public Place? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The country place of an ISO 3166-1 alpha-2 code.</summary>
    public Place? Country(string iso2) => _byId.GetValueOrDefault("cc-" + iso2.ToLowerInvariant());

    /// <summary>The cue of a word key (قاعده، محافظه…), or null.</summary>
    public PlaceCue? Cue(ReadOnlySpan<char> wordKey) => _cuesSpan.TryGetValue(wordKey, out var cue) ? cue : null;

    /// <summary>
    /// True when <paramref name="place"/> lies in <paramref name="container"/>: the same place; a country holds its
    /// places; a region or county holds the places whose parent it is; any other container (a city, a site) holds
    /// what lies within 15 km of it.
    /// </summary>
    public bool IsWithin(Place place, Place container)
    {
        if (place.Id == container.Id)
        {
            return true;
        }

        return container.Kind switch
        {
            "country" => place.Country == container.Country && !place.IsCountry,
            "region" when container.Source == PlaceSource.WhosOnFirst => place.RegionId == container.Id,
            "county" when container.Source == PlaceSource.WhosOnFirst => place.CountyId == container.Id,
            "part" when InPart(place, container) => true,
            "territory" when place.Kind == "part" => place.Country == container.Country && Country(place.Country) is { } c
                && GeoDistance.Km(place, container) < GeoDistance.Km(place, c),
            _ => !place.IsCountry && GeoDistance.Km(place, container) <= 15,
        };
    }

    /// <summary>
    /// A compass part of a territory (جنوب قطاع غزة) lies within it. A compass part of a country (شمال اليمن) has no border of its own: it holds the places of its country that lie
    /// nearer its centre than the country's centre and than the centre of any other part of the country (Saada in
    /// northern Yemen; Aden in the south, Riyadh in neither part of Saudi Arabia).
    /// </summary>
    private bool InPart(Place place, Place part)
    {
        if (place.IsCountry || place.Kind == "part" || place.Country != part.Country || Country(part.Country) is not { } country)
        {
            return false;
        }

        var km = GeoDistance.Km(place, part);
        return km < GeoDistance.Km(place, country)
            && (!_parts.TryGetValue(part.Country, out var others) || Array.TrueForAll(others, o => o.Id == part.Id || km <= GeoDistance.Km(place, o)));
    }

    /// <summary>The governorate (Who's On First region) a place lies in, or null.</summary>
    public Place? RegionOf(Place place) =>
        place.Kind == "region" && place.Source == PlaceSource.WhosOnFirst ? place : place.RegionId is { } r ? Get(r) : null;

    /// <summary>Loads the tables of a gazetteer folder.</summary>
    public static Gazetteer Load(string folder)
    {
        var places = new List<Place>();
        var byKey = new Dictionary<string, List<PlaceName>>(StringComparer.Ordinal);
        var cues = new Dictionary<string, PlaceCue>(StringComparer.Ordinal);
        var maxWords = 1;

        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "cues.tsv")))
        {
            var key = NameKey.Of(r[0]);
            cues[key] = new PlaceCue(key, r[1].Split('|', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal), r[2] == "yes");
        }

        var excluded = TsvLexicon.ReadRows(Path.Combine(folder, "finder_exclusions.tsv")).Select(r => NameKey.Of(r[0])).ToFrozenSet(StringComparer.Ordinal);

        void Index(Place place, string alias, bool primary, bool findable, bool generic = false)
        {
            var key = NameKey.Of(alias);
            if (key.Length == 0)
            {
                return;
            }

            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            var at = list.FindIndex(n => n.Place.Id == place.Id);
            if (at >= 0)
            {
                // A second name of the same place with the same key: keep the strongest reading of both.
                list[at] = new PlaceName(place, list[at].Primary || primary, list[at].Findable || findable, list[at].Generic && generic);
                return;
            }

            list.Add(new PlaceName(place, primary, findable, generic));
            maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
        }

        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "countries.tsv")))
        {
            var aliases = Split(r[4]);
            var place = new Place("cc-" + r[0].ToLowerInvariant(), "GPE", "country", aliases[0], r[1], Num(r[2]), Num(r[3]), r[0], null, null, 0, PlaceSource.Country, r[5], aliases);
            places.Add(place);
            for (var i = 0; i < aliases.Length; i++)
            {
                Index(place, aliases[i], i == 0, true);
            }
        }

        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "cities.tsv")))
        {
            var aliases = Split(r[3]);
            var place = new Place("city-" + r[0], "GPE", "city", aliases[0], r[1], Num(r[4]), Num(r[5]), r[2], null, null, long.Parse(r[6], CultureInfo.InvariantCulture), PlaceSource.City, r[7], aliases);
            places.Add(place);
            for (var i = 0; i < aliases.Length; i++)
            {
                Index(place, aliases[i], i == 0, true);
            }
        }

        var wofRegions = new Dictionary<(string Country, string Key), string>();
        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "wof_places.tsv")))
        {
            var placetype = r[2];
            if (placetype == "country")
            {
                continue;
            }

            var variants = Split(r[4]);
            var type = placetype == "campus" ? "FAC" : "GPE";
            var id = "wof-" + r[0];
            long.TryParse(r[10], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population);
            var place = new Place(id, type, placetype, r[3], r[5], Num(r[6]), Num(r[7]), r[1],
                r[8].Length > 0 && r[8] != r[0] ? "wof-" + r[8] : null, r[9].Length > 0 && r[9] != r[0] ? "wof-" + r[9] : null,
                population, PlaceSource.WhosOnFirst, r[11].Length > 0 ? "wikidata:" + r[11] : "wof:" + r[0], [r[3], .. variants]);
            places.Add(place);
            var notable = placetype is "region" or "county" or "neighbourhood" or "campus" || population > 0 || r[11].Length > 0;
            var primaryKey = NameKey.Of(r[3]);
            Index(place, r[3], true, notable && (placetype == "region" || !excluded.Contains(primaryKey)));
            foreach (var v in variants)
            {
                Index(place, v, false, notable && (placetype == "region" || !excluded.Contains(NameKey.Of(v))));
            }

            if (placetype == "region")
            {
                wofRegions[(r[1], primaryKey)] = id;
                foreach (var v in variants)
                {
                    wofRegions.TryAdd((r[1], NameKey.Of(v)), id);
                }
            }
        }

        var wofById = places.Where(p => p.Source == PlaceSource.WhosOnFirst).ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "notable_towns.tsv")))
        {
            var place = wofById.GetValueOrDefault("wof-" + r[1])
                ?? throw new InvalidDataException($"notable_towns.tsv: '{r[0]}' names wof_id {r[1]}, which wof_places.tsv does not have");
            Index(place, r[0], false, true);
        }

        foreach (var r in TsvLexicon.ReadRows(Path.Combine(folder, "sites.tsv")))
        {
            // "~السفارة الأمريكية": a generic phrase, this site only in a document about the site's country.
            var raw = Split(r[4]);
            var aliases = raw.Select(a => a.TrimStart('~')).ToArray();
            string? region = null;
            if (r.Length > 8 && r[8].Length > 0)
            {
                region = wofRegions.GetValueOrDefault((r[7], NameKey.Of(r[8])))
                    ?? throw new InvalidDataException($"sites.tsv: '{r[0]}' names the governorate '{r[8]}', which is not a region of {r[7]} in wof_places.tsv");
            }

            var place = new Place("site-" + r[0], r[1], r[2], aliases[0], r[3], Num(r[5]), Num(r[6]), r[7], region, null, 0, PlaceSource.Site, r[9], aliases);
            places.Add(place);
            for (var i = 0; i < aliases.Length; i++)
            {
                Index(place, aliases[i], i == 0, true, raw[i].StartsWith('~'));
                var words = NameKey.Words(NameKey.Of(aliases[i]));
                if (words.Length >= 2 && cues.TryGetValue(words[0], out var cue) && cue.IsFacility)
                {
                    // قاعدة حرير / قاعدة الحرير: the news writes a base's name with and without the article.
                    words[1] = words[1].StartsWith("ال", StringComparison.Ordinal) && words[1].Length > 3 ? words[1][2..] : "ال" + words[1];
                    Index(place, string.Join(' ', words), false, true);
                }
            }
        }

        return new Gazetteer(places, byKey, cues, maxWords);
    }

    private static string[] Split(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
