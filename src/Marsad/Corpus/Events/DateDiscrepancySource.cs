using Marsad.Model;

namespace Marsad.Corpus.Events;

/// <summary>
/// Finds events of a story whose documents give them different days: one discrepancy of kind <c>date</c> per merged
/// event whose mentions, dated by a time expression of their own clause or sentence (never by the publication date),
/// give two or more days; one claim per document and date, with the time expression's words. The days must differ
/// between outlets (one outlet's articles are never compared with each other). Events whose reports disagree the same
/// way (strikes on two places in one report) make one discrepancy. Outlets that give the same day but different parts of
/// it (evening against late night) disagree on its time. The subject says it in Arabic words.
/// </summary>
public sealed class DateDiscrepancySource(EventMerger? merger = null, DiscrepancyWording? wording = null) : IDiscrepancySource
{
    private readonly EventMerger _merger = merger ?? EventMerger.Default;
    private readonly DiscrepancyWording _wording = wording ?? DiscrepancyWording.Default;

    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents)
    {
        var texts = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var source = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => CasualtyDiscrepancySource.Source(g.First()), StringComparer.Ordinal);
        var found = new List<(string Key, Discrepancy Discrepancy)>();
        foreach (var cluster in _merger.Clusters(documents))
        {
            var dated = cluster
                .Where(r => r.Mention.Date is { Length: 10 } && r.Mention.DateFrom is EventDateSource.Clause or EventDateSource.Sentence && !IsToll(r.Mention))
                .GroupBy(r => (r.Doc, r.Mention.Date))
                .Select(g => g.First())
                .ToList();
            if (dated.Select(r => r.Mention.Date).Distinct(StringComparer.Ordinal).Count() < 2
                || dated.Select(r => source[r.Doc]).Distinct(StringComparer.Ordinal).Count() < 2
                || !dated.Exists(a => dated.Exists(b => source[a.Doc] != source[b.Doc] && a.Mention.Date != b.Mention.Date)))
            {
                if (DayParts(cluster, source, texts) is { } parts)
                {
                    found.Add((string.Join('|', parts.Claims.Select(c => c.Doc + "=" + c.Value).Order(StringComparer.Ordinal)), parts));
                }

                continue;
            }

            var m = cluster[0].Mention;
            var place = cluster.Select(r => r.Mention.Place).OfType<string>().FirstOrDefault();
            var subject = DiscrepancyWording.WithClaims("تاريخ " + _wording.Event(m.Type, place), dated.Select(r => (r.Mention.Date!, source[r.Doc])));
            var key = string.Join('|', dated.Select(r => r.Doc + "=" + r.Mention.Date).Order(StringComparer.Ordinal));
            var index = found.FindIndex(f => f.Key == key);
            if (index >= 0)
            {
                // One report of strikes on two places is one disagreement, not two.
                var (k, d) = found[index];
                found[index] = (k, d with { Subject = d.Subject + "؛ " + _wording.Event(m.Type, place) });
                continue;
            }

            found.Add((key, new Discrepancy("date", subject, dated
                .Select(r => new DiscrepancyClaim(r.Doc, r.Mention.DateSpan.Of(texts[r.Doc]), r.Mention.Date!, r.Mention.DateSpan))
                .ToList())));
        }

        return found.Select(f => f.Discrepancy);
    }

    /// <summary>
    /// Outlets that agree on the day but not on the part of it ("مساء الأحد" against "في ساعة متأخرة من الأحد"): each
    /// outlet's first report that gives a part of day, when two outlets give different parts; null otherwise.
    /// </summary>
    private Discrepancy? DayParts(List<EventReport> cluster, Dictionary<string, string> source, Dictionary<string, string> texts)
    {
        var parts = cluster
            .Where(r => r.Mention.DayPart is not null && r.Mention.Date is { Length: 10 } && !IsToll(r.Mention))
            .GroupBy(r => source[r.Doc], StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (parts.Count < 2 || parts.Select(r => r.Mention.Date).Distinct(StringComparer.Ordinal).Count() > 1
            || parts.Select(r => r.Mention.DayPart).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }

        var m = cluster[0].Mention;
        var place = cluster.Select(r => r.Mention.Place).OfType<string>().FirstOrDefault();
        var claims = parts.Select(r => (Words: r.Mention.DayPartSpan.Of(texts[r.Doc]), Value: r.Mention.Date + "T" + r.Mention.DayPart, Report: r)).ToList();
        return new Discrepancy("date", DiscrepancyWording.WithClaims("وقت " + _wording.Event(m.Type, place), claims.Select(c => (c.Words, source[c.Report.Doc]))),
            claims.Select(c => new DiscrepancyClaim(c.Report.Doc, c.Words, c.Value, c.Report.Mention.DayPartSpan)).ToList());
    }

    /// <summary>A toll told in a sentence of its own: its date belongs to whatever that sentence says, not surely to the event.</summary>
    private static bool IsToll(EventMention m) => m.Trigger == m.KilledSpan || m.Trigger == m.InjuredSpan;
}
