using System.Globalization;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Quantities about the same thing that sources give differently. Rules, within one story:
/// <list type="bullet">
/// <item>claims come from <see cref="QuantityClaimExtractor"/>; only claims with a place scope name a comparable subject;</item>
/// <item>claims with the same unit whose scopes share a place are about the same subject (linked transitively:
/// "في العراق" and "في العراق وسوريا" meet);</item>
/// <item>such a group is a discrepancy when at least two documents take part and the claims differ in value or in
/// scope ("2500 in Iraq" against "2500 in Iraq and Syria"); a document agreeing with itself is no discrepancy;</item>
/// <item>each claim appears once per document, value and scope, in document then text order.</item>
/// </list>
/// </summary>
public sealed class QuantityDiscrepancyFinder(QuantityClaimExtractor? extractor = null) : IDiscrepancySource
{
    private readonly QuantityClaimExtractor _extractor = extractor ?? QuantityClaimExtractor.Default;

    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents)
    {
        if (documents.Count < 2)
        {
            return [];
        }

        var claims = documents.OrderBy(d => d.Id, StringComparer.Ordinal)
            .SelectMany(Claims)
            .Where(c => c.Scope.Count > 0)
            .DistinctBy(c => (c.Doc, c.Value, c.Unit, c.ScopeKey))
            .ToList();
        var found = new List<Discrepancy>();
        foreach (var unit in claims.GroupBy(c => c.Unit))
        {
            foreach (var group in Components(unit.ToList()))
            {
                if (group.Select(c => c.Doc).Distinct().Count() < 2 || group.Select(c => (c.Value, c.ScopeKey)).Distinct().Count() < 2)
                {
                    continue;
                }

                var places = string.Join("، ", group.SelectMany(c => c.Scope).Distinct(StringComparer.Ordinal));
                found.Add(new Discrepancy("quantity", $"{unit.Key} in {places}",
                    group.Select(c => new DiscrepancyClaim(c.Doc, c.Text, Value(c), c.Span)).ToList()));
            }
        }

        return found;
    }

    public QuantityClaimExtractor Extractor => _extractor;

    /// <summary>The document's claims: from its <see cref="CorpusDigest"/> when it has one, else extracted from its layers.</summary>
    public IReadOnlyList<QuantityClaim> Claims(Document document) =>
        document.TryGet(CorpusLayers.Digest, out var digest) ? digest.Claims : _extractor.Extract(document);

    private static string Value(QuantityClaim c)
    {
        var v = c.Value.ToString("0.##", CultureInfo.InvariantCulture);
        return (c.Approx ? "~" : "") + v + " " + c.Unit + " in " + c.ScopeText;
    }

    /// <summary>Groups claims whose scopes share a place, transitively (union-find over claim indices).</summary>
    private static List<List<QuantityClaim>> Components(List<QuantityClaim> claims)
    {
        var parent = Enumerable.Range(0, claims.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        var firstWithPlace = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            foreach (var place in claims[i].Scope)
            {
                if (firstWithPlace.TryGetValue(place, out var j))
                {
                    parent[Root(i)] = Root(j);
                }
                else
                {
                    firstWithPlace[place] = i;
                }
            }
        }

        return Enumerable.Range(0, claims.Count).GroupBy(Root).Select(g => g.Select(i => claims[i]).ToList()).ToList();
    }
}
