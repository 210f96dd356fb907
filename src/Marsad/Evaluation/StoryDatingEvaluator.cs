using Marsad.Corpus;
using Marsad.Model;

namespace Marsad.Evaluation;

/// <summary>
/// Measures story dating on documents whose publication date is known from metadata. Rules:
/// <list type="bullet">
/// <item>each such document of a story with another dated document is taken as if undated and dated three ways from
/// the other members: their most common date; that date read in the document's weekdays
/// (<see cref="StoryDater.DayInWeekOf"/>); and what <see cref="StoryDater"/> does (the nearest sibling's date read in
/// the weekdays, <see cref="StoryDater.DateFor"/>);</item>
/// <item>each is compared with the metadata date: exact, and within one day (time zones and late-night publishing);</item>
/// <item>dates from the text are not used as truth, since the text is what the rules read.</item>
/// </list>
/// </summary>
public static class StoryDatingEvaluator
{
    public static IReadOnlyList<EvalMetric> Evaluate(IReadOnlyList<Story> stories, IReadOnlyList<Document> documents)
    {
        var byId = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var features = new Dictionary<Document, IReadOnlyList<StoryFeature>>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<StoryFeature> Features(Document d) => features.TryGetValue(d, out var f)
            ? f
            : features[d] = d.TryGet(CorpusLayers.Digest, out var digest) ? digest.Features : StoryClusterer.Features(d);

        var total = 0;
        var exact = new int[3];
        var near = new int[3];
        foreach (var story in stories)
        {
            var members = story.Documents.Select(id => byId.GetValueOrDefault(id)).OfType<Document>().ToList();
            foreach (var document in members.Where(d => d.PublishedFrom == PublishedFrom.Metadata && d.Published is not null))
            {
                if (StoryDater.StoryDate(members.Where(m => !ReferenceEquals(m, document))) is not { } common
                    || StoryDater.DateFor(document, members, Features) is not { } dated)
                {
                    continue;
                }

                var truth = document.Published!.Value;
                total++;
                DateOnly[] guesses = [common, StoryDater.DayInWeekOf(document, common), dated];
                for (var k = 0; k < guesses.Length; k++)
                {
                    exact[k] += guesses[k] == truth ? 1 : 0;
                    near[k] += Math.Abs(guesses[k].DayNumber - truth.DayNumber) <= 1 ? 1 : 0;
                }
            }
        }

        double Share(int n) => total == 0 ? 0 : (double)n / total;
        return
        [
            new("documents", total),
            new("most_common_exact", Share(exact[0])),
            new("most_common_within_1_day", Share(near[0])),
            new("most_common_weekdays_exact", Share(exact[1])),
            new("most_common_weekdays_within_1_day", Share(near[1])),
            new("story_dater_exact", Share(exact[2])),
            new("story_dater_within_1_day", Share(near[2])),
        ];
    }
}
