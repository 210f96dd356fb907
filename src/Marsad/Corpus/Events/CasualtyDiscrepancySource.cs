using Marsad.Model;

namespace Marsad.Corpus.Events;

/// <summary>
/// Finds death and injury tolls of one event that outlets give differently: the events of a story are merged
/// (<see cref="EventMerger.Clusters"/>: one type, dates that agree, places that nest), so two tolls of one cluster
/// speak of the same quantity of the same event, on its day (<see cref="Dated"/>). Each outlet speaks once (its first
/// report that gives the count, a sentence that only gives a toll included: <c>EventArgumentAssigner.Toll</c>); a
/// discrepancy needs two outlets with different numbers. Articles of one outlet are never compared with each other.
/// </summary>
public sealed class CasualtyDiscrepancySource(EventMerger? merger = null, DiscrepancyWording? wording = null) : IDiscrepancySource
{
    private readonly EventMerger _merger = merger ?? EventMerger.Default;
    private readonly DiscrepancyWording _wording = wording ?? DiscrepancyWording.Default;

    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var cluster in _merger.Clusters(documents))
        {
            var first = cluster.Find(r => !r.Mention.Anaphoric)?.Mention ?? cluster[0].Mention;
            var type = cluster.Exists(r => r.Mention.Type == "airstrike") ? "airstrike" : first.Type;
            var place = cluster.Select(r => r.Mention.Place).OfType<string>().FirstOrDefault();
            foreach (var unit in (string[])["killed", "injured"])
            {
                var claims = cluster
                    .Select(r => (Report: r, Count: unit == "killed" ? r.Mention.Killed : r.Mention.Injured, Span: unit == "killed" ? r.Mention.KilledSpan : r.Mention.InjuredSpan))
                    .Where(c => c.Count is not null && Dated(c.Report, cluster))
                    .GroupBy(c => Source(byId[c.Report.Doc]), StringComparer.Ordinal)
                    .Select(g => (Source: g.Key, Claim: g.First()))
                    .ToList();
                if (claims.Count < 2 || claims.Select(c => c.Claim.Count).Distinct().Count() < 2)
                {
                    continue;
                }

                var subject = _wording.Count(unit) + " في " + _wording.Event(type, place);
                var values = claims.Select(c => (c.Claim.Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Source)).ToList();
                yield return new Discrepancy("quantity", DiscrepancyWording.WithClaims(subject, values), claims
                    .Select(c => new DiscrepancyClaim(c.Claim.Report.Doc, c.Claim.Span.Of(byId[c.Claim.Report.Doc].Text), values.First(v => v.Source == c.Source).Item1, c.Claim.Span))
                    .ToList());
            }
        }
    }

    /// <summary>
    /// A toll is of the cluster's day only when its report is dated, or is a bare toll of a document that dates the
    /// cluster elsewhere: an undated report placed in the same governorate may be another day's event.
    /// </summary>
    private static bool Dated(EventReport report, List<EventReport> cluster) =>
        report.Mention.Date is not null || (report.Mention.Anaphoric && cluster.Exists(r => r.Doc == report.Doc && r.Mention.Date is not null));

    /// <summary>Who speaks: the document's outlet, else the document itself.</summary>
    public static string Source(Document d) => string.IsNullOrWhiteSpace(d.Outlet) ? d.Id : d.Outlet;
}
