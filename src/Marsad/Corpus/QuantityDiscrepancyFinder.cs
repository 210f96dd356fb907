using Marsad.Arabic;
using System.Globalization;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Quantities about the same thing that outlets give differently. Rules, within one story:
/// <list type="bullet">
/// <item>claims come from <see cref="QuantityClaimExtractor"/>; only claims with a place scope name a comparable subject;
/// tolls of the killed and injured belong to an event and are compared there (<see cref="Events.CasualtyDiscrepancySource"/>);</item>
/// <item>two claims speak of the same quantity when they have the same unit and come from different outlets (articles
/// of one outlet are never compared), and either their scopes are the same place phrase and their numbers differ
/// ("2500 in Iraq" against "3000 in Iraq"), or the same number is given for scopes of which one holds the other
/// ("2500 in Iraq" against "2500 in Iraq and Syria"); a number for one place and another for a different place (2500
/// in Iraq, 900 in Syria) are two quantities, not a contradiction;</item>
/// <item>the claims that take part in such pairs, linked transitively, make one discrepancy; each claim appears once per
/// document, value and scope, in document then text order; the subject says it in Arabic words;</item>
/// <item>a count of what one attack fires (units marked "lede" in <c>unit-names.tsv</c>: missiles, drones) given in the
/// opening sentences of a report is of the story's main event, place or not: the first such count of each outlet (its
/// first document) is compared with the other outlets' ("7 صواريخ" against "اعترضت صاروخا").</item>
/// </list>
/// </summary>
public sealed class QuantityDiscrepancyFinder(QuantityClaimExtractor? extractor = null, DiscrepancyWording? wording = null, IReadOnlySet<string>? ledeUnits = null) : IDiscrepancySource
{
    private static readonly Lazy<HashSet<string>> DefaultLedeUnits = new(() => TsvLexicon.ReadData("ar", "quantities", "unit-names.tsv")
        .Where(r => r.Length >= 3 && r[2] == "lede").Select(r => r[0]).ToHashSet(StringComparer.Ordinal));

    private readonly QuantityClaimExtractor _extractor = extractor ?? QuantityClaimExtractor.Default;
    private readonly DiscrepancyWording _wording = wording ?? DiscrepancyWording.Default;
    private readonly IReadOnlySet<string> _ledeUnits = ledeUnits ?? DefaultLedeUnits.Value;

    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents)
    {
        if (documents.Count < 2)
        {
            return [];
        }

        var source = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Events.CasualtyDiscrepancySource.Source(g.First()), StringComparer.Ordinal);
        var all = documents.OrderBy(d => d.Id, StringComparer.Ordinal).SelectMany(Claims).ToList();
        var claims = all
            .Where(c => c.Scope.Count > 0 && c.Unit is not ("killed" or "injured"))
            .DistinctBy(c => (c.Doc, c.Value, c.Unit, c.ScopeKey))
            .ToList();
        var found = new List<Discrepancy>();
        foreach (var unit in claims.GroupBy(c => c.Unit))
        {
            foreach (var group in Components(unit.ToList(), source))
            {
                var subject = _wording.Count(unit.Key) + " في " + string.Join(" و", group.Select(c => c.ScopeText).Distinct(StringComparer.Ordinal));
                found.Add(new Discrepancy("quantity",
                    DiscrepancyWording.WithClaims(subject, group.Select(c => (DiscrepancyWording.Number(c.Value, c.Approx) + " في " + c.ScopeText, source[c.Doc]))),
                    group.Select(c => new DiscrepancyClaim(c.Doc, c.Text, DiscrepancyWording.Number(c.Value, c.Approx) + " في " + c.ScopeText, c.Span)).ToList()));
            }
        }

        found.AddRange(LedeCounts(all, source));
        return found;
    }

    /// <summary>The outlets' first lede counts of each lede unit, when two outlets give different numbers.</summary>
    private IEnumerable<Discrepancy> LedeCounts(List<QuantityClaim> claims, Dictionary<string, string> source)
    {
        foreach (var unit in claims.Where(c => c.Lede && _ledeUnits.Contains(c.Unit)).GroupBy(c => c.Unit, StringComparer.Ordinal))
        {
            var first = unit.GroupBy(c => source[c.Doc], StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (first.Count < 2 || first.Select(c => c.Value).Distinct().Count() < 2)
            {
                continue;
            }

            yield return new Discrepancy("quantity",
                DiscrepancyWording.WithClaims(_wording.Count(unit.Key), first.Select(c => (DiscrepancyWording.Number(c.Value, c.Approx), source[c.Doc]))),
                first.Select(c => new DiscrepancyClaim(c.Doc, c.Text, DiscrepancyWording.Number(c.Value, c.Approx), c.Span)).ToList());
        }
    }

    public QuantityClaimExtractor Extractor => _extractor;

    /// <summary>The document's claims: from its <see cref="CorpusDigest"/> when it has one, else extracted from its layers.</summary>
    public IReadOnlyList<QuantityClaim> Claims(Document document) =>
        document.TryGet(CorpusLayers.Digest, out var digest) ? digest.Claims : _extractor.Extract(document);

    /// <summary>Two claims of different outlets that speak of one quantity and disagree on it (see the class rules).</summary>
    private static bool Contradict(QuantityClaim a, QuantityClaim b, Dictionary<string, string> source)
    {
        if (source[a.Doc] == source[b.Doc])
        {
            return false;
        }

        if (a.ScopeKey == b.ScopeKey)
        {
            return a.Value != b.Value;
        }

        var (sa, sb) = (a.Scope.ToHashSet(StringComparer.Ordinal), b.Scope.ToHashSet(StringComparer.Ordinal));
        return a.Value == b.Value && (sa.IsSubsetOf(sb) || sb.IsSubsetOf(sa));
    }

    /// <summary>The claims that contradict another, grouped transitively (union-find over claim indices).</summary>
    private static List<List<QuantityClaim>> Components(List<QuantityClaim> claims, Dictionary<string, string> source)
    {
        var parent = Enumerable.Range(0, claims.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        var involved = new bool[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            for (var j = i + 1; j < claims.Count; j++)
            {
                if (Contradict(claims[i], claims[j], source))
                {
                    involved[i] = involved[j] = true;
                    parent[Root(i)] = Root(j);
                }
            }
        }

        return Enumerable.Range(0, claims.Count).Where(i => involved[i]).GroupBy(Root).Select(g => g.Select(i => claims[i]).ToList()).ToList();
    }
}
