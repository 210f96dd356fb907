using Marsad.Extract.Events;
using Marsad.Model;

namespace Marsad.Corpus.Events;

/// <summary>
/// Finds deadlines that outlets give differently for the same thing ("سحب السلاح … بحلول منتصف الشهر الجاري" against
/// "يسلم المقاتلون سلاحهم الثقيل … بحلول 10 أكتوبر"), from the documents' deadlines (<see cref="DeadlineFinder"/>). Two
/// deadlines of different outlets of one story are for the same thing when they share <see cref="MinShared"/> content
/// words, and disagree when their days are more than <see cref="Tolerance"/> days apart (a span holds a day: no
/// disagreement). One discrepancy of kind <c>date</c> per pair of documents and thing, said in Arabic words.
/// </summary>
public sealed class DeadlineDiscrepancySource : IDiscrepancySource
{
    /// <summary>Content words two deadlines must share to be about one thing ("السلاح"، "المنطقة").</summary>
    public const int MinShared = 2;

    /// <summary>"Mid-month" and "the 14th" may be one deadline.</summary>
    public const int Tolerance = 1;

    public IEnumerable<Discrepancy> Find(Story story, IReadOnlyList<Document> documents)
    {
        var claims = documents.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First())
            .Where(d => d.Has(EventLayers.Deadlines))
            .SelectMany(d => d.Get(EventLayers.Deadlines).Select(m => (Doc: d.Id, Source: CasualtyDiscrepancySource.Source(d), Mention: m)))
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < claims.Count; a++)
        {
            for (var b = a + 1; b < claims.Count; b++)
            {
                var x = claims[a];
                var y = claims[b];
                if (x.Source == y.Source || !Disagree(x.Mention, y.Mention))
                {
                    continue;
                }

                var shared = x.Mention.Words.Where(w => y.Mention.Words.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
                if (shared.Count < MinShared || !seen.Add(x.Doc + "|" + y.Doc + "|" + string.Join(' ', shared.Order(StringComparer.Ordinal))))
                {
                    continue;
                }

                var subject = DiscrepancyWording.WithClaims("موعد " + x.Mention.Topic, [(x.Mention.Text, x.Source), (y.Mention.Text, y.Source)]);
                yield return new Discrepancy("date", subject,
                    [new DiscrepancyClaim(x.Doc, x.Mention.Text, x.Mention.Value, x.Mention.Span), new DiscrepancyClaim(y.Doc, y.Mention.Text, y.Mention.Value, y.Mention.Span)]);
            }
        }
    }

    /// <summary>Two days more than <see cref="Tolerance"/> apart; a span (a bare month) never disagrees with a day inside it.</summary>
    private static bool Disagree(DeadlineMention x, DeadlineMention y) =>
        x.Last.DayNumber + Tolerance < y.First.DayNumber || y.Last.DayNumber + Tolerance < x.First.DayNumber;
}
