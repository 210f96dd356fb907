using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Dates the documents whose own text cannot fix their date from the story they belong to. Rules:
/// <list type="bullet">
/// <item>only a document with no <see cref="Document.Published"/> is dated; a date from metadata or text is never replaced;</item>
/// <item>the story's date is the most common publication date among its dated documents, the earliest on a tie
/// (a follow-up is rarely published before the story broke);</item>
/// <item>weekdays the document names are then read as days of the story's week, each the day with that weekday
/// nearest the story's date (three days either way): a "today" cue with a weekday ("اليوم الجمعة", "أمس الخميس")
/// gives the document's day outright; otherwise the latest bare weekday ("الجمعة", not "الجمعة الماضي") moves the date
/// later when it falls after the story's date, since a report tells of days up to the one it is written on;</item>
/// <item>the date is marked <see cref="PublishedFrom.Story"/>: it is a default taken from neighbours, not read from the document;</item>
/// <item>a story with no dated document dates nobody.</item>
/// </list>
/// </summary>
public static class StoryDater
{
    /// <summary>Sets the dates and returns the documents it dated.</summary>
    public static IReadOnlyList<Document> Apply(IReadOnlyList<Story> stories, IEnumerable<Document> documents)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            byId.TryAdd(d.Id, d);
        }

        var dated = new List<Document>();
        foreach (var story in stories)
        {
            var members = story.Documents.Select(id => byId.GetValueOrDefault(id)).OfType<Document>().ToList();
            if (StoryDate(members) is not { } date)
            {
                continue;
            }

            foreach (var d in members.Where(d => d.Published is null))
            {
                d.Published = DayInWeekOf(d, date);
                d.PublishedFrom = PublishedFrom.Story;
                dated.Add(d);
            }
        }

        return dated;
    }

    /// <summary>The day the weekdays of <paramref name="document"/> point to in the week of <paramref name="storyDate"/> (see the rules).</summary>
    public static DateOnly DayInWeekOf(Document document, DateOnly storyDate)
    {
        var expressions = document.TryGet(Layers.Normalized, out var normalized)
            ? TimeExtractor.Default.Extract(document.Text, normalized)
            : TimeExtractor.Default.Extract(document.Text);
        var latest = storyDate;
        foreach (var e in expressions)
        {
            if (e.Weekday is not { } weekday || e.Kind == TimeKind.Set || e.Relation != TimeRelation.None || e.Day is not null)
            {
                continue;
            }

            var offset = ((int)weekday - (int)storyDate.DayOfWeek + 7) % 7;
            var day = storyDate.AddDays(offset > 3 ? offset - 7 : offset);
            if (e.DayOffset is { } deictic)
            {
                return day.AddDays(-deictic);
            }

            if (day > latest)
            {
                latest = day;
            }
        }

        return latest;
    }

    /// <summary>The most common publication date of the documents that carry their own, the earliest on a tie; null when none does.</summary>
    public static DateOnly? StoryDate(IEnumerable<Document> members) =>
        members.Where(d => d.Published is not null && d.PublishedFrom != PublishedFrom.Story)
            .GroupBy(d => d.Published!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (DateOnly?)g.Key)
            .FirstOrDefault();
}
