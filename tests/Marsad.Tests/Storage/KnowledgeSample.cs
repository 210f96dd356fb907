using System.Globalization;
using Marsad.Knowledge;
using Marsad.Storage;

namespace Marsad.Tests.Storage;

/// <summary>
/// A synthetic knowledge base for the store contract: 36 documents over 12 days from 3 outlets in 6 stories (one
/// undated document, one undated story), 48 events of 3 types in 3 countries with 4 actors, and what goes with them.
/// The expected answers of the paged reads are computed here from the same records, in the orders the reader promises.
/// </summary>
internal sealed class KnowledgeSample
{
    public static readonly string[] Outlets = ["o1", "o2", "o3"];
    public static readonly string[] Countries = ["IQ", "SY", "YE"];
    public static readonly string[] Types = ["attack", "protest", "meeting"];
    public static readonly string[] Actors = ["a1", "a2", "a3", "a4"];

    public KnowledgeSample()
    {
        for (var i = 0; i < 36; i++)
        {
            var id = "d" + i.ToString("D2", CultureInfo.InvariantCulture);
            // Days repeat (ties broken by id); the last document has no date.
            Documents.Add(DocumentStoreContract.Doc(id, "h" + id, "نص " + id) with
            {
                Published = i == 35 ? null : Day(i % 12),
                PublishedFrom = i == 35 ? "none" : "metadata",
                Outlet = Outlets[i % 3],
            });
            DocumentStories[id] = "s" + (i % 6).ToString(CultureInfo.InvariantCulture);
        }

        for (var s = 0; s < 6; s++)
        {
            var id = "s" + s.ToString(CultureInfo.InvariantCulture);
            var dated = s != 5;
            Stories.Add(new StoryRecord(id, "قصة " + id, dated ? Day(s) : null, dated ? Day(s + 4) : null, 6, 3, 8, 1,
                "{\"state\":" + s + "}", "{\"id\":\"" + id + "\"}"));
            Discrepancies.Add(new DiscrepancyRecord("x" + s, id, "killed", "{\"id\":\"x" + s + "\"}"));
            Framing.Add(new FramingRecord(id, "[{\"outlet\":\"o1\",\"story\":\"" + id + "\"}]"));
        }

        for (var e = 0; e < 48; e++)
        {
            var id = "e" + e.ToString("D2", CultureInfo.InvariantCulture);
            var dated = e % 10 != 9;
            Events.Add(new EventRecord(id, "s" + (e % 6).ToString(CultureInfo.InvariantCulture), Types[e % 3],
                dated ? Day(e % 12) : null, dated ? Day(e % 12) : null, Countries[e / 3 % 3], "مكان", 33.3 + e, 44.4, e % 4 == 0 ? null : e,
                [Actors[e % 4], Actors[(e + 1) % 4]], ["d" + (e % 36).ToString("D2", CultureInfo.InvariantCulture)], [Outlets[e % 3], Outlets[(e + 2) % 3]],
                "{\"id\":\"" + id + "\"}", "{\"event_id_cnty\":\"" + id + "\"}"));
        }

        Entities.AddRange(Actors.Select((a, i) => new EntityRecord(a, i % 2 == 0 ? "actor" : "place", "اسم " + a, i == 1 ? "IQ" : null, "{\"ref\":\"" + a + "\"}")));
        for (var i = 0; i < 12; i++)
        {
            Duplicates.Add(new DuplicateRecord(Documents[i + 1].Id, Documents[i].Id, 0.8 + (i / 100.0)));
        }
    }

    public List<StoredDocument> Documents { get; } = [];

    public Dictionary<string, string> DocumentStories { get; } = [];

    public List<StoryRecord> Stories { get; } = [];

    public List<EventRecord> Events { get; } = [];

    public List<DiscrepancyRecord> Discrepancies { get; } = [];

    public List<FramingRecord> Framing { get; } = [];

    public List<EntityRecord> Entities { get; } = [];

    public List<DuplicateRecord> Duplicates { get; } = [];

    /// <summary>Each document mentions the actors of its events, once per event, plus a1 once.</summary>
    public Dictionary<string, IReadOnlyList<EntityMentionCount>> Mentions() => Documents.ToDictionary(
        d => d.Id,
        d => (IReadOnlyList<EntityMentionCount>)Events.Where(e => e.Documents.Contains(d.Id)).SelectMany(e => e.Actors).Append("a1")
            .GroupBy(a => a).Select(g => new EntityMentionCount(g.Key, d.Id, g.Count())).ToList());

    public KnowledgeChange Change() => new()
    {
        Stories = Stories,
        DocumentStories = DocumentStories,
        Events = Events,
        Discrepancies = Discrepancies,
        Framing = Framing,
        Duplicates = Duplicates,
        Entities = Entities,
        EntityMentions = Mentions(),
        Digests = Documents.Select((d, i) => new Marsad.Knowledge.DocumentDigest(d.Id, [(uint)i, 7u, uint.MaxValue], [i / 2, 1000 + i])).ToList(),
    };

    public static string Day(int offset) => new DateOnly(2024, 3, 1).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Newest first by the key ('' for no date, last), then by id descending.</summary>
    public static List<T> Newest<T>(IEnumerable<T> rows, Func<T, string?> key, Func<T, string> id) =>
        [.. rows.OrderByDescending(r => key(r) ?? "", StringComparer.Ordinal).ThenByDescending(id, StringComparer.Ordinal)];
}
