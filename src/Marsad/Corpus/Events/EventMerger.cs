using System.Globalization;
using Marsad.Extract.Events;
using Marsad.Extract.Places;
using Marsad.Model;

namespace Marsad.Corpus.Events;

/// <summary>
/// Merges the event mentions of many documents into one event per real-world event. Documents are merged within
/// their story (a document in no story stands alone). Rules: a mention joins an earlier event when
/// <list type="bullet">
/// <item>the type is the same (and two demands name no different demanders);</item>
/// <item>the dates are compatible: either is null, or both are days at most <see cref="MaxDays"/> apart, or one is a
/// month or year that holds the other;</item>
/// <item>the places are the same or one lies within the other (<see cref="Gazetteer.IsWithin"/>: Jurf al-Sakhar in
/// Babil), or a city and a place of its governorate;</item>
/// <item>and something links them: both name a place, they share an actor or a target, they come from one
/// document that dates both (or places neither), or (in one story) they fall on the same day and one has no place;</item>
/// <item>both are dated or both are placed (an undated report with no place to check is not merged);</item>
/// <item>an event of one document never takes two mentions of the same trigger (one event per place).</item>
/// </list>
/// A bare mention ("القصف") joins the last event of its type in its document, or is dropped; a toll sentence with its own
/// day or place then stands for its event. The merged event takes the
/// innermost place, the date of its best-dated mention (a clause's time before a sentence's before the publication
/// date; the most reported on a tie, then the earliest), the union of actors, targets and weapons, and counts its
/// documents and distinct outlets.
/// </summary>
public sealed class EventMerger(Gazetteer gazetteer)
{
    /// <summary>Sources disagree on the day of one event by a day or two ("Tuesday" against "dawn Wednesday").</summary>
    public const int MaxDays = 2;

    private static readonly Lazy<EventMerger> DefaultInstance = new(() => new EventMerger(Gazetteer.Default));

    public static EventMerger Default => DefaultInstance.Value;

    /// <summary>The merged events of the documents, grouped by story, with ids v1, v2… in order of first report.</summary>
    public IReadOnlyList<CorpusEvent> Merge(IReadOnlyList<Story> stories, IEnumerable<Document> documents)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            byId.TryAdd(d.Id, d);
        }

        var groups = new List<List<Document>>();
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            var members = story.Documents.Where(grouped.Add).Select(id => byId.GetValueOrDefault(id)).OfType<Document>().ToList();
            if (members.Count > 0)
            {
                groups.Add(members);
            }
        }

        groups.AddRange(byId.Values.Where(d => grouped.Add(d.Id)).Select(d => new List<Document> { d }));
        var all = new List<CorpusEvent>();
        foreach (var group in groups)
        {
            foreach (var cluster in Clusters(group))
            {
                all.Add(ToEvent("v" + (all.Count + 1).ToString(CultureInfo.InvariantCulture), cluster));
            }
        }

        return all;
    }

    /// <summary>The clusters of event reports of one group of documents (a story), in order of first report.</summary>
    public List<List<EventReport>> Clusters(IReadOnlyList<Document> documents)
    {
        // Each document's own mentions first, then those events across documents, so that a document's report of
        // one event is whole before it meets the others' reports.
        var clusters = new List<List<EventReport>>();
        foreach (var d in documents)
        {
            var local = new List<List<EventReport>>();
            foreach (var m in d.Get(EventLayers.Events))
            {
                var report = new EventReport(d.Id, d.Outlet, m);
                if (m.Anaphoric)
                {
                    // A toll with its own day or place ("ما أدى إلى إصابة 12 فلسطينيا") stands for its event when the
                    // document names no other.
                    var last = local.LastOrDefault(c => SameKind(c[0].Mention.Type, m.Type));
                    if (last is not null)
                    {
                        last.Add(report);
                    }
                    else if ((m.Killed is not null || m.Injured is not null) && (m.Date is not null || m.Place is not null))
                    {
                        local.Add([report with { Mention = m with { Anaphoric = false } }]);
                    }

                    continue;
                }

                var home = local.FirstOrDefault(c => c.TrueForAll(r => Agree(r, report)) && c.Exists(r => Linked(r, report)));
                if (home is null)
                {
                    local.Add([report]);
                }
                else
                {
                    home.Add(report);
                }
            }

            foreach (var cluster in local)
            {
                var home = clusters.FirstOrDefault(c => c.TrueForAll(r => cluster.TrueForAll(x => Agree(r, x))) && c.Exists(r => cluster.Exists(x => Linked(r, x))));
                if (home is null)
                {
                    clusters.Add(cluster);
                }
                else
                {
                    home.AddRange(cluster);
                }
            }
        }

        return clusters;
    }

    /// <summary>Nothing keeps two reports apart: the same type, dates that agree, places that nest, not one trigger twice.</summary>
    private bool Agree(EventReport r, EventReport x)
    {
        var o = r.Mention;
        var m = x.Mention;
        if (o.Anaphoric || m.Anaphoric)
        {
            return true;
        }

        // Two reports must be checked on one axis at least: both dated, or both placed.
        return (o.Type == m.Type || (SameKind(o.Type, m.Type) && r.Doc != x.Doc && !Opposed(o, m))) && !(KeptApartByActors(o.Type) && Opposed(o, m)) && DatesAgree(o.Date, m.Date) && !(r.Doc == x.Doc && o.Trigger == m.Trigger)
            && !(r.Doc == x.Doc && DaysApart(o, m))
            && (o.Place is null || m.Place is null || PlacesNest(o.Place, m.Place))
            && ((o.Date is not null && m.Date is not null) || (o.Place is not null && m.Place is not null));
    }

    /// <summary>
    /// Sources disagree on a day (<see cref="MaxDays"/>), but one text is consistent with itself: two reports that one
    /// document dates from their own words on different days are two events ("ليلة الاثنين" and "يوم الأحد": "the second
    /// blast within 24 hours"). A night and the next day's early hours may still be one event told twice.
    /// </summary>
    private static bool DaysApart(EventMention a, EventMention b)
    {
        if (a.DateFrom is not (EventDateSource.Clause or EventDateSource.Sentence) || b.DateFrom is not (EventDateSource.Clause or EventDateSource.Sentence)
            || a.Date is not { Length: 10 } da || b.Date is not { Length: 10 } db || da == db
            || !DateOnly.TryParseExact(da, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var x)
            || !DateOnly.TryParseExact(db, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var y))
        {
            return false;
        }

        var (early, late) = x < y ? (a, b) : (b, a);
        var gap = Math.Abs(x.DayNumber - y.DayNumber);
        return gap > 1 || !(early.DayPart is "NI" or "EV" || late.DayPart is "MO");
    }

    /// <summary>
    /// One outlet's "هجوم على حافلة" is another's "غارة جوية": an attack and an airstrike are one kind of armed event,
    /// told apart by who struck and how, which not every report says. Within one document the author tells them apart,
    /// so only reports of different documents, not naming different strikers, merge across the two types.
    /// </summary>
    public static bool SameKind(string a, string b) => a == b || (a is "attack" or "airstrike" && b is "attack" or "airstrike");

    /// <summary>
    /// A demand is one party's call: two that name different demanders are two calls ("طالب غوتيريش بتحقيق" and
    /// "دعت الولايات المتحدة إلى تحقيق" in one article). Messages, decisions and threats are told from either side (the
    /// sender or the receiver, one party of an agreement, a leader or his group), so their actors may differ.
    /// </summary>
    private static bool KeptApartByActors(string type) => type == "demand";

    /// <summary>Both reports name who struck, and not the same one: a militia's attack and a state's strike are two events.</summary>
    private static bool Opposed(EventMention a, EventMention b) =>
        a.Actors.Count > 0 && b.Actors.Count > 0 && !a.Actors.Intersect(b.Actors, StringComparer.Ordinal).Any();

    /// <summary>
    /// Something ties two reports together: both name a place (that nests), they share an actor or a target, or one
    /// document gives both a date.
    /// </summary>
    private static bool Linked(EventReport r, EventReport x)
    {
        var o = r.Mention;
        var m = x.Mention;
        return (o.Place is not null && m.Place is not null) || Shares(o, m)
            || (r.Doc == x.Doc && ((o.Date is not null && m.Date is not null) || (o.Place is null && m.Place is null)))
            || (o.Date is { Length: 10 } && o.Date == m.Date && (o.Place is null || m.Place is null));
    }

    /// <summary>The same actor, or the same target; in a message the giver of one report may be the receiver of another.</summary>
    private static bool Shares(EventMention a, EventMention b) =>
        a.Actors.Intersect(b.Actors, StringComparer.Ordinal).Any() || a.Targets.Intersect(b.Targets, StringComparer.Ordinal).Any()
        || (a.Type == "message" && a.Actors.Concat(a.Targets).Intersect(b.Actors.Concat(b.Targets), StringComparer.Ordinal).Any());

    private bool PlacesNest(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var pa = gazetteer.Get(a);
        var pb = gazetteer.Get(b);
        return pa is not null && pb is not null && (gazetteer.IsWithin(pa, pb) || gazetteer.IsWithin(pb, pa) || SameGovernorate(pa, pb));
    }

    /// <summary>
    /// A city stands for its governorate when it gives it its name ("في أربيل"): a place and a city of the same
    /// governorate may be one place, never two cities or two sites.
    /// </summary>
    private bool SameGovernorate(Place a, Place b)
    {
        if (IsCity(a) == IsCity(b))
        {
            return false;
        }

        var ra = gazetteer.RegionOf(a);
        var rb = gazetteer.RegionOf(b);
        return ra is not null && rb is not null && ra.Id == rb.Id;
    }

    private static bool IsCity(Place p) => p.Source == PlaceSource.City || p.Kind is "locality" or "city";

    /// <summary>True when two event dates can name the same day.</summary>
    public static bool DatesAgree(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        if (a.Length == 10 && b.Length == 10)
        {
            return DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var x)
                && DateOnly.TryParseExact(b, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var y)
                && Math.Abs(x.DayNumber - y.DayNumber) <= MaxDays;
        }

        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
    }

    private CorpusEvent ToEvent(string id, List<EventReport> cluster)
    {
        var real = cluster.Where(r => !r.Mention.Anaphoric).ToList();
        var first = real[0].Mention;
        var date = real.Where(r => r.Mention.Date is not null)
            .GroupBy(r => r.Mention.Date!, StringComparer.Ordinal)
            .OrderBy(g => g.Min(r => Rank(r.Mention.DateFrom)))
            .ThenByDescending(g => g.Select(r => r.Doc).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(g => g.Key.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault()?.Key;
        var places = real.Select(r => r.Mention.Place).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var place = places.FirstOrDefault(p => places.All(o => o == p || Within(p, o)))
            ?? places.OrderBy(Specificity).FirstOrDefault();
        var actors = real.SelectMany(r => r.Mention.Actors).Distinct(StringComparer.Ordinal).ToList();
        var targets = real.SelectMany(r => r.Mention.Targets).Where(t => !actors.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var weapons = real.SelectMany(r => r.Mention.Weapons).Distinct(StringComparer.Ordinal).ToList();
        // A toll told in a sentence of its own (an anaphoric mention) counts when no report of the event gives one.
        var killed = real.Max(r => r.Mention.Killed) ?? cluster.Max(r => r.Mention.Killed);
        var injured = real.Max(r => r.Mention.Injured) ?? cluster.Max(r => r.Mention.Injured);
        var docs = cluster.Select(r => r.Doc).Distinct(StringComparer.Ordinal).Count();
        var outlets = cluster.Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();
        // A report that names the strike as a state's (غارة, a state's aircraft) says more than one that calls it an attack.
        var strike = real.FirstOrDefault(r => r.Mention.Type == "airstrike")?.Mention;
        var type = strike?.Type ?? first.Type;
        var cameo = strike?.Cameo ?? first.Cameo;
        return new CorpusEvent(id, type, cameo, date, actors, targets, place, weapons, killed, injured, cluster, docs, outlets);
    }

    /// <summary>A site before a town before a city before a county, a region, a country.</summary>
    private int Specificity(string id) => gazetteer.Get(id) switch
    {
        null => 9,
        { IsCountry: true } => 8,
        { Kind: "region" or "part" } => 7,
        { Kind: "county" } => 6,
        { Source: PlaceSource.Site, Type: "FAC" } => 0,
        { Source: PlaceSource.Site } => 1,
        _ => 3,
    };

    private bool Within(string inner, string outer)
    {
        var a = gazetteer.Get(inner);
        var b = gazetteer.Get(outer);
        return a is not null && b is not null && gazetteer.IsWithin(a, b);
    }

    private static int Rank(EventDateSource source) => source switch
    {
        EventDateSource.Clause => 0,
        EventDateSource.Sentence => 1,
        EventDateSource.Published => 2,
        _ => 3,
    };
}
