using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Dates the documents whose own text cannot fix their date from the story they belong to. Rules:
/// <list type="bullet">
/// <item>only a document with no <see cref="Document.Published"/> is dated; a date from metadata or text is never replaced;</item>
/// <item>it first takes the date of its nearest sibling, the dated member most similar to it (cosine over the story
/// features; the earliest date on a tie): a long story runs for weeks, and a report sits beside the ones it follows or
/// copies. With no dated member sharing a feature, the story's most common date (the earliest on a tie);</item>
/// <item>weekdays the document names are then read as days of that date's week, each the day with that weekday
/// nearest the date (three days either way): a "today" cue with a weekday ("اليوم الجمعة", "أمس الخميس") gives the
/// document's day outright; otherwise the latest bare weekday ("الجمعة", not "الجمعة الماضي") moves the date later
/// when it falls after it, since a report tells of days up to the one it is written on;</item>
/// <item>the date is marked <see cref="PublishedFrom.Story"/>: it is a default taken from neighbours, not read from the document;</item>
/// <item>a story with no dated document dates nobody.</item>
/// </list>
/// </summary>
public static class StoryDater
{
    /// <summary>
    /// Sets the dates and returns the documents it dated. <paramref name="features"/> gives a document's story features
    /// (default: the term features of <see cref="StoryClusterer.Features"/>, or its digest's).
    /// </summary>
    public static IReadOnlyList<Document> Apply(IReadOnlyList<Story> stories, IEnumerable<Document> documents, Func<Document, IReadOnlyList<StoryFeature>>? features = null)
    {
        features ??= DefaultFeatures;
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            byId.TryAdd(d.Id, d);
        }

        var dated = new List<Document>();
        foreach (var story in stories)
        {
            var members = story.Documents.Select(id => byId.GetValueOrDefault(id)).OfType<Document>().ToList();
            if (StoryDate(members) is null)
            {
                continue;
            }

            // Dates are chosen before any is set, so that no undated member serves as another's sibling.
            var vectors = new Dictionary<Document, Dictionary<string, double>>(ReferenceEqualityComparer.Instance);
            Dictionary<string, double> Vector(Document d) => vectors.TryGetValue(d, out var v) ? v : vectors[d] = Unit(features(d));
            var chosen = members.Where(d => d.Published is null).Select(d => (Document: d, Date: DateFor(d, members, Vector))).ToList();
            foreach (var (d, date) in chosen)
            {
                d.Published = date;
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

    /// <summary>
    /// The date <paramref name="document"/> gets from the other members of its story (see the rules), or null when none
    /// of them is dated. <paramref name="features"/> gives a document's story features.
    /// </summary>
    public static DateOnly? DateFor(Document document, IReadOnlyList<Document> members, Func<Document, IReadOnlyList<StoryFeature>> features)
    {
        // Vectors are built once per call here; Apply shares them across a story's members.
        var vectors = new Dictionary<Document, Dictionary<string, double>>(ReferenceEqualityComparer.Instance);
        return DateFor(document, members, d => vectors.TryGetValue(d, out var v) ? v : vectors[d] = Unit(features(d)));
    }

    private static DateOnly? DateFor(Document document, IReadOnlyList<Document> members, Func<Document, Dictionary<string, double>> vector)
    {
        var baseDate = NearestSiblingDate(document, members, vector) ?? StoryDate(members.Where(m => !ReferenceEquals(m, document)));
        return baseDate is { } date ? DayInWeekOf(document, date) : null;
    }

    /// <summary>The date of the dated member most similar to <paramref name="document"/>, or null when none shares a feature with it.</summary>
    private static DateOnly? NearestSiblingDate(Document document, IReadOnlyList<Document> members, Func<Document, Dictionary<string, double>> vector)
    {
        var own = vector(document);
        DateOnly? best = null;
        var bestScore = 0.0;
        foreach (var m in members)
        {
            if (ReferenceEquals(m, document) || m.Published is not { } date || m.PublishedFrom == PublishedFrom.Story)
            {
                continue;
            }

            var score = 0.0;
            foreach (var (key, weight) in vector(m))
            {
                if (own.TryGetValue(key, out var w))
                {
                    score += w * weight;
                }
            }

            if (score > bestScore + 1e-12 || (score > 0 && Math.Abs(score - bestScore) <= 1e-12 && date < best))
            {
                bestScore = score;
                best = date;
            }
        }

        return best;
    }

    private static IReadOnlyList<StoryFeature> DefaultFeatures(Document document) =>
        document.TryGet(CorpusLayers.Digest, out var digest) ? digest.Features : StoryClusterer.Features(document);

    private static Dictionary<string, double> Unit(IReadOnlyList<StoryFeature> features)
    {
        var map = new Dictionary<string, double>(features.Count, StringComparer.Ordinal);
        foreach (var f in features)
        {
            map[f.Key] = map.GetValueOrDefault(f.Key) + f.Weight;
        }

        var norm = Math.Sqrt(map.Values.Sum(v => v * v));
        foreach (var key in map.Keys.ToList())
        {
            map[key] = norm > 0 ? map[key] / norm : 0;
        }

        return map;
    }

    /// <summary>The most common publication date of the documents that carry their own, the earliest on a tie; null when none does.</summary>
    public static DateOnly? StoryDate(IEnumerable<Document> members) =>
        members.Where(d => d.Published is not null && d.PublishedFrom != PublishedFrom.Story)
            .GroupBy(d => d.Published!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (DateOnly?)g.Key)
            .FirstOrDefault();
}
