using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Dates the documents whose own text cannot fix their date from the story they belong to. Rules:
/// <list type="bullet">
/// <item>only a document with no <see cref="Document.Published"/> is dated; a date from metadata or text is never replaced;</item>
/// <item>the story's date is the most common publication date among its dated documents, the earliest on a tie
/// (a follow-up is rarely published before the story broke);</item>
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
                d.Published = date;
                d.PublishedFrom = PublishedFrom.Story;
                dated.Add(d);
            }
        }

        return dated;
    }

    /// <summary>The most common publication date of the documents that carry their own, the earliest on a tie; null when none does.</summary>
    public static DateOnly? StoryDate(IEnumerable<Document> members) =>
        members.Where(d => d.Published is not null && d.PublishedFrom != PublishedFrom.Story)
            .GroupBy(d => d.Published!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (DateOnly?)g.Key)
            .FirstOrDefault();
}
