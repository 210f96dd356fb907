using Marsad.Model;

namespace Marsad.Corpus.Events;

/// <summary>
/// Finds events of a story whose documents give them different days: one discrepancy of kind <c>date</c> per merged
/// event whose mentions, dated by a time expression of their own clause or sentence (never by the publication date),
/// give two or more days; one claim per document and date, with the time expression's words. Events whose reports
/// disagree the same way (strikes on two places in one report) make one discrepancy.
/// </summary>
public sealed class DateDiscrepancySource(EventMerger? merger = null) : IDiscrepancySource
{
    private readonly EventMerger _merger = merger ?? EventMerger.Default;

    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents)
    {
        var texts = documents.ToDictionary(d => d.Id, d => d.Text, StringComparer.Ordinal);
        var found = new List<(string Key, Discrepancy Discrepancy)>();
        foreach (var cluster in _merger.Clusters(documents))
        {
            var dated = cluster
                .Where(r => r.Mention.Date is { Length: 10 } && r.Mention.DateFrom is EventDateSource.Clause or EventDateSource.Sentence)
                .GroupBy(r => (r.Doc, r.Mention.Date))
                .Select(g => g.First())
                .ToList();
            if (dated.Select(r => r.Mention.Date).Distinct(StringComparer.Ordinal).Count() < 2
                || dated.Select(r => r.Doc).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            var m = cluster[0].Mention;
            var place = cluster.Select(r => r.Mention.Place).OfType<string>().FirstOrDefault();
            var subject = m.Type + " " + m.Trigger.Of(texts[cluster[0].Doc]) + (place is null ? "" : " @" + place);
            var key = string.Join('|', dated.Select(r => r.Doc + "=" + r.Mention.Date).Order(StringComparer.Ordinal));
            var index = found.FindIndex(f => f.Key == key);
            if (index >= 0)
            {
                // One report of strikes on two places is one disagreement, not two.
                var (k, d) = found[index];
                found[index] = (k, d with { Subject = d.Subject + ", " + place });
                continue;
            }

            found.Add((key, new Discrepancy("date", subject, dated
                .Select(r => new DiscrepancyClaim(r.Doc, r.Mention.DateSpan.Of(texts[r.Doc]), r.Mention.Date!, r.Mention.DateSpan))
                .ToList())));
        }

        return found.Select(f => f.Discrepancy);
    }
}
