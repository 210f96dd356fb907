using Marsad.Arabic;
using Marsad.Extract.Actors;
using Marsad.Extract.Places;
using Marsad.Knowledge;
using Marsad.Model;

namespace Marsad.Monitoring;

/// <summary>
/// Finds what each watchlist follows in one addition (<see cref="AddedKnowledge"/>); only what the added documents
/// bring raises an alert. Rules, for one watchlist:
/// <list type="bullet">
/// <item>with <see cref="Watchlist.Discrepancies"/>: each discrepancy with a claim from an added document, in a
/// followed story (when stories are given) whose events and added documents meet the other criteria, gives an alert
/// per story (<c>discrepancy:STORY</c>), quoting the added document's claim;</item>
/// <item>else, when it names event types, actors or places: each merged event an added document reports that meets
/// every criterion (type; an actor or target; its place within the radius or the area; a keyword in the sentence that
/// reports it) gives an alert per event (<c>event:ID</c>), one source per added document, quoting its sentence;</item>
/// <item>and, without event types, each added document that meets the criteria itself (it names an actor, a place
/// within the radius or area, a keyword) and reports no matching event gives an alert per story (<c>story:ID</c>, or
/// <c>document:ID</c> outside stories), quoting the sentence where the criteria meet (or the first that names one).</item>
/// </list>
/// Thread-safe and stateless.
/// </summary>
public sealed class WatchlistMatcher
{
    private static readonly Lazy<WatchlistMatcher> DefaultInstance = new(() => new WatchlistMatcher(
        Gazetteer.Default, KeywordTerms.Default,
        TsvLexicon.ReadData("ar", "events", "type-names.tsv").Where(f => f.Length >= 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal)));

    private readonly Gazetteer _gazetteer;
    private readonly KeywordTerms _terms;
    private readonly IReadOnlyDictionary<string, string> _typeNames;

    public WatchlistMatcher(Gazetteer gazetteer, KeywordTerms terms, IReadOnlyDictionary<string, string> typeNames)
    {
        _gazetteer = gazetteer;
        _terms = terms;
        _typeNames = typeNames;
    }

    public static WatchlistMatcher Default => DefaultInstance.Value;

    /// <summary>The event types a watchlist may name (the contract's taxonomy).</summary>
    public IEnumerable<string> EventTypes => _typeNames.Keys;

    public IReadOnlyList<AlertRecord> Match(IReadOnlyList<Watchlist> watchlists, AddedKnowledge added)
    {
        if (watchlists.Count == 0 || added.Documents.Count == 0)
        {
            return [];
        }

        var context = new Context(this, added);
        var alerts = new List<AlertRecord>();
        foreach (var w in watchlists.OrderBy(w => w.Id, StringComparer.Ordinal))
        {
            var keywords = w.Keywords.Select(k => context.KeywordTerms(k)).Where(k => k.Count > 0).ToList();
            if (w.Discrepancies)
            {
                alerts.AddRange(DiscrepancyAlerts(w, keywords, context));
                continue;
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            if (w.WantsEvents)
            {
                alerts.AddRange(EventAlerts(w, keywords, context, reported));
            }

            if (w.EventTypes.Count == 0)
            {
                alerts.AddRange(DocumentAlerts(w, keywords, context, reported));
            }
        }

        return alerts;
    }

    private IEnumerable<AlertRecord> EventAlerts(Watchlist w, List<IReadOnlyList<string>> keywords, Context context, HashSet<string> reported)
    {
        var actors = w.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (e, record) in context.Added.Events)
        {
            if ((w.EventTypes.Count > 0 && !w.EventTypes.Contains(record.Type, StringComparer.Ordinal))
                || (actors.Count > 0 && !record.Actors.Any(actors.Contains))
                || (w.Places.Count > 0 && !w.Places.Any(p => EventAt(p, record))))
            {
                continue;
            }

            var sources = new List<AlertSource>();
            foreach (var doc in e.Mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (!context.Documents.TryGetValue(doc, out var d))
                {
                    continue;
                }

                // The sentence of a report in this document: the first that names what is watched (an actor, a place),
                // else the first; with keywords, only sentences that hold one.
                var sentences = e.Mentions.Where(m => m.Doc == doc).OrderBy(m => m.Mention.Trigger.Start)
                    .Select(m => (Span: m.Mention.Trigger, Bounds: QuoteSentence.Bounds(d.Text, m.Mention.Trigger)))
                    .Where(s => keywords.Count == 0 || keywords.Any(k => KeywordTerms.Find(_terms.Terms(d.Text[s.Bounds.Start..s.Bounds.End]), k) is not null))
                    .ToList();
                var named = Mentions(d).Where(m => actors.Contains(m.Ref) || (m.Place is { } pl && w.Places.Any(p => PlaceIn(p, pl)))).Select(m => m.Mention.Span).ToList();
                var best = sentences.Cast<(TextSpan Span, TextSpan Bounds)?>()
                    .FirstOrDefault(s => named.Exists(n => n.Start >= s!.Value.Bounds.Start && n.End <= s.Value.Bounds.End)) ?? sentences.Cast<(TextSpan Span, TextSpan Bounds)?>().FirstOrDefault();
                var quote = best is { } b ? QuoteSentence.Around(d.Text, b.Span) : null;
                if (quote is not null)
                {
                    sources.Add(Source(d, quote));
                    reported.Add(doc);
                }
            }

            if (sources.Count > 0)
            {
                // The same event under its former ids: of its type, reported by a document it had; the likeliest first (same
                // place and date, then same place, then the others), as the place or date of a merged event may settle later.
                var continues = context.Added.Previous
                    .Where(p => p.Id != record.Id && p.Type == record.Type && p.Documents.Intersect(record.Documents, StringComparer.Ordinal).Any())
                    .OrderBy(p => p.Place == record.Place ? p.Date == record.Date ? 0 : 1 : 2).ThenBy(p => p.Id, StringComparer.Ordinal)
                    .Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
                yield return new AlertRecord(w.Id, "event:" + record.Id, "event", record.Story, record.Id, EventTitle(record), sources, continues);
            }
        }
    }

    private IEnumerable<AlertRecord> DocumentAlerts(Watchlist w, List<IReadOnlyList<string>> keywords, Context context, HashSet<string> reported)
    {
        var bySubject = new SortedDictionary<string, (string? Story, string Title, List<AlertSource> Sources)>(StringComparer.Ordinal);
        foreach (var d in context.Added.Documents.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            if (reported.Contains(d.Id) || DocumentSpans(w, keywords, d, context) is not { } spans)
            {
                continue;
            }

            var story = context.Added.DocumentStories.GetValueOrDefault(d.Id);
            var subject = story is null ? "document:" + d.Id : "story:" + story;
            if (!bySubject.TryGetValue(subject, out var entry))
            {
                var title = (story is not null ? context.Added.StoryTitles.GetValueOrDefault(story) : null) ?? d.Title ?? Shorten(d.Text);
                bySubject[subject] = entry = (story, title, []);
            }

            entry.Sources.Add(Source(d, QuoteSentence.Around(d.Text, BestSpan(spans, d.Text))));
        }

        foreach (var (subject, (story, title, sources)) in bySubject)
        {
            yield return new AlertRecord(w.Id, subject, "document", story, null, title, sources, StoryMembers(context, story));
        }
    }

    private IEnumerable<AlertRecord> DiscrepancyAlerts(Watchlist w, List<IReadOnlyList<string>> keywords, Context context)
    {
        var followed = w.Stories.Select(s => context.Added.ResolveStory(s) ?? s).ToHashSet(StringComparer.Ordinal);
        var bySubject = new SortedDictionary<string, (string Story, string Title, List<AlertSource> Sources)>(StringComparer.Ordinal);
        foreach (var (discrepancy, record) in context.Added.Discrepancies)
        {
            if (followed.Count > 0 && !followed.Contains(record.Story))
            {
                continue;
            }

            var claims = discrepancy.Claims.Where(c => context.Documents.ContainsKey(c.Doc)).ToList();
            if (claims.Count == 0 || !StoryMatches(w, keywords, record.Story, context))
            {
                continue;
            }

            var subject = "discrepancy:" + record.Story;
            if (!bySubject.TryGetValue(subject, out var entry))
            {
                bySubject[subject] = entry = (record.Story, discrepancy.Subject, []);
            }

            foreach (var claim in claims)
            {
                var d = context.Documents[claim.Doc];
                if (entry.Sources.Exists(s => s.Document == d.Id))
                {
                    continue;
                }

                var span = claim.Span.Length > 0 ? claim.Span : d.Text.IndexOf(claim.Text, StringComparison.Ordinal) is var i and >= 0
                    ? new TextSpan(i, i + claim.Text.Length) : default;
                entry.Sources.Add(Source(d, span.Length > 0 ? QuoteSentence.Around(d.Text, span) : claim.Text));
            }
        }

        foreach (var (subject, (story, title, sources)) in bySubject)
        {
            yield return new AlertRecord(w.Id, subject, "discrepancy", story, null, title, sources, StoryMembers(context, story));
        }
    }

    /// <summary>Whether a story meets a discrepancy watchlist's other criteria, from its events and its added documents.</summary>
    private bool StoryMatches(Watchlist w, List<IReadOnlyList<string>> keywords, string story, Context context)
    {
        var events = context.Added.Events.Where(e => e.Record.Story == story).Select(e => e.Record).ToList();
        var documents = context.Added.Documents.Where(d => context.Added.DocumentStories.GetValueOrDefault(d.Id) == story).ToList();
        var actors = w.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return (w.EventTypes.Count == 0 || events.Exists(e => w.EventTypes.Contains(e.Type, StringComparer.Ordinal)))
            && (actors.Count == 0 || events.Exists(e => e.Actors.Any(actors.Contains)) || documents.Exists(d => Mentions(d).Any(m => actors.Contains(m.Ref))))
            && (w.Places.Count == 0 || events.Exists(e => w.Places.Any(p => EventAt(p, e))) || documents.Exists(d => Mentions(d).Any(m => m.Place is { } pl && w.Places.Any(p => PlaceIn(p, pl)))))
            && (keywords.Count == 0 || documents.Exists(d => keywords.Any(k => KeywordTerms.Find(context.TermsOf(d), k) is not null)));
    }

    /// <summary>The spans of a document that meet each criterion (one list per criterion given), or null when one is unmet.</summary>
    private List<List<TextSpan>>? DocumentSpans(Watchlist w, List<IReadOnlyList<string>> keywords, Document d, Context context)
    {
        var found = new List<List<TextSpan>>();
        if (w.Actors.Count > 0)
        {
            var actors = w.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            found.Add([.. Mentions(d).Where(m => actors.Contains(m.Ref)).Select(m => m.Mention.Span)]);
        }

        if (w.Places.Count > 0)
        {
            found.Add([.. Mentions(d).Where(m => m.Place is { } pl && w.Places.Any(p => PlaceIn(p, pl))).Select(m => m.Mention.Span)]);
        }

        if (keywords.Count > 0)
        {
            var terms = context.TermsOf(d);
            found.Add([.. keywords.Select(k => KeywordTerms.Find(terms, k)).OfType<TextSpan>()]);
        }

        return found.Count == 0 || found.Exists(f => f.Count == 0) ? null : found;
    }

    /// <summary>The first span of the sentence that holds a span of every criterion, else the first span of the first criterion.</summary>
    private static TextSpan BestSpan(List<List<TextSpan>> spans, string text)
    {
        foreach (var span in spans[0].OrderBy(s => s.Start))
        {
            var sentence = QuoteSentence.Bounds(text, span);
            if (spans.Skip(1).All(list => list.Exists(s => s.Start >= sentence.Start && s.End <= sentence.End)))
            {
                return span;
            }
        }

        return spans[0].MinBy(s => s.Start);
    }

    private bool EventAt(WatchedPlace p, EventRecord e)
    {
        if (e.Place == p.Id)
        {
            return true;
        }

        if (p.RadiusKm is { } radius)
        {
            return e is { Lat: { } lat, Lon: { } lon } && GeoDistance.Km(lat, lon, p.Lat, p.Lon) <= radius;
        }

        if (_gazetteer.Get(p.Id) is not { } area)
        {
            return false;
        }

        return e.Place is { } id && _gazetteer.Get(id) is { } place ? _gazetteer.IsWithin(place, area)
            : area.IsCountry && string.Equals(e.Country, area.Country, StringComparison.OrdinalIgnoreCase);
    }

    private bool PlaceIn(WatchedPlace p, Place place) =>
        place.Id == p.Id
        || (p.RadiusKm is { } radius ? !place.IsCountry && GeoDistance.Km(place.Lat, place.Lon, p.Lat, p.Lon) <= radius
            : _gazetteer.Get(p.Id) is { } area && _gazetteer.IsWithin(place, area));

    private string EventTitle(EventRecord e)
    {
        var type = _typeNames.GetValueOrDefault(e.Type) ?? e.Type;
        var place = e.Place is { } id ? _gazetteer.Get(id)?.Name : null;
        var title = place is null ? type : type + " " + place;
        return e.Date is null ? title : title + " (" + e.Date + ")";
    }

    /// <summary>A story's documents: the alert of the story they were in before (its id may have changed) is this story's.</summary>
    private static IReadOnlyList<string> StoryMembers(Context context, string? story) => story is null ? []
        : [.. context.Added.DocumentStories.Where(x => x.Value == story).Select(x => x.Key).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<LinkedMention> Mentions(Document d) => d.TryGet(EntityLayers.Entities, out var m) ? m : [];

    private static AlertSource Source(Document d, string quote) => new(
        d.Id, d.Outlet, d.Url, d.Title, d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quote);

    private static string Shorten(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\n', '\r');
        line = end < 0 ? line : line[..end];
        return line.Length <= 120 ? line.ToString() : line[..120].ToString() + "…";
    }

    /// <summary>One addition's lookups, built once: the added documents by id, their terms, the keywords' terms.</summary>
    private sealed class Context(WatchlistMatcher matcher, AddedKnowledge added)
    {
        private readonly Dictionary<string, IReadOnlyList<(string Term, TextSpan Span)>> _terms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _keywords = new(StringComparer.Ordinal);

        public AddedKnowledge Added { get; } = added;

        public Dictionary<string, Document> Documents { get; } = added.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);

        public IReadOnlyList<(string Term, TextSpan Span)> TermsOf(Document d) =>
            _terms.TryGetValue(d.Id, out var t) ? t : _terms[d.Id] = matcher._terms.Terms(d.Text);

        public IReadOnlyList<string> KeywordTerms(string keyword) =>
            _keywords.TryGetValue(keyword, out var k) ? k : _keywords[keyword] = [.. matcher._terms.Terms(keyword).Select(t => t.Term)];
    }
}
