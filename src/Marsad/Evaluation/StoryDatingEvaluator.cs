using Marsad.Corpus;
using Marsad.Model;

namespace Marsad.Evaluation;

/// <summary>
/// Measures story dating on documents whose publication date is known from metadata. Rules:
/// <list type="bullet">
/// <item>each such document of a story with at least one other dated document is taken as if undated: its story's date is
/// computed from the others (<see cref="StoryDater.StoryDate"/>), then read in its own weekdays
/// (<see cref="StoryDater.DayInWeekOf"/>);</item>
/// <item>both are compared with the metadata date: exact, and within one day (time zones and late-night publishing);</item>
/// <item>dates from the text are not used as truth, since the text is what the rule reads.</item>
/// </list>
/// </summary>
public static class StoryDatingEvaluator
{
    public static IReadOnlyList<EvalMetric> Evaluate(IReadOnlyList<Story> stories, IReadOnlyList<Document> documents)
    {
        var byId = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        int total = 0, storyExact = 0, storyNear = 0, weekExact = 0, weekNear = 0, moved = 0;
        foreach (var story in stories)
        {
            var members = story.Documents.Select(id => byId.GetValueOrDefault(id)).OfType<Document>().ToList();
            foreach (var document in members.Where(d => d.PublishedFrom == PublishedFrom.Metadata && d.Published is not null))
            {
                if (StoryDater.StoryDate(members.Where(m => !ReferenceEquals(m, document))) is not { } storyDate)
                {
                    continue;
                }

                var truth = document.Published!.Value;
                var week = StoryDater.DayInWeekOf(document, storyDate);
                total++;
                storyExact += storyDate == truth ? 1 : 0;
                storyNear += Math.Abs(storyDate.DayNumber - truth.DayNumber) <= 1 ? 1 : 0;
                weekExact += week == truth ? 1 : 0;
                weekNear += Math.Abs(week.DayNumber - truth.DayNumber) <= 1 ? 1 : 0;
                moved += week != storyDate ? 1 : 0;
            }
        }

        double Share(int n) => total == 0 ? 0 : (double)n / total;
        return
        [
            new("documents", total),
            new("story_date_exact", Share(storyExact)),
            new("story_date_within_1_day", Share(storyNear)),
            new("with_weekdays_exact", Share(weekExact)),
            new("with_weekdays_within_1_day", Share(weekNear)),
            new("moved_by_weekdays", moved),
        ];
    }
}
