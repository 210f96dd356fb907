using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Corpus.Events;
using Marsad.Extract.Actors;
using Marsad.Model;
using Marsad.Monitoring;

namespace Marsad.Knowledge;

/// <summary>
/// The engine's whole run over a knowledge base: connects newly annotated documents to what the store already knows,
/// touching only the stories they join, open or merge. Steps of <see cref="Connect"/>:
/// <list type="bullet">
/// <item>documents the store holds but never connected (a run stopped after storing them) are taken in too;</item>
/// <item>candidate stories are read by date: those overlapping the new documents' dates widened by
/// <see cref="StoryClustererOptions.DateWindowDays"/> (no other story can take them), the latest
/// <see cref="StoryClustererOptions.MaxSpanDays"/> days of the stream for an undated document, and the undated stories.
/// They come back into a <see cref="StoryClusterer"/> as dormant stories (oldest first, so a bridge keeps the oldest
/// id), and the new documents are added as <see cref="StoryClusterer.Cluster"/> orders them;</item>
/// <item>a new story's id comes from its opening document (<see cref="StableIds.Story"/>); a story merged away redirects
/// to the survivor;</item>
/// <item>each touched story is recomputed from all its documents (its stored members annotated again, on every core):
/// dates from the story (<see cref="StoryDater"/>; a document it dates is annotated again), merged events (keeping the
/// ids of the events they continue, <see cref="EventIds"/>), discrepancies and framing;</item>
/// <item>near-duplicates of each new document among the stored ones (by LSH band keys) and among the run's own;</item>
/// <item>everything goes to the store as one <see cref="KnowledgeChange"/> (<see cref="Prepare"/> leaves it to the caller).</item>
/// </list>
/// Holds the newest date it has seen (the stream's "now" for undated documents); not thread-safe: one run at a time.
/// </summary>
public sealed class KnowledgeRun
{
    private readonly IKnowledgeBase _knowledge;
    private readonly CorpusAnalyzer _corpus;
    private readonly DocumentAnalyzer _analyzer;
    private readonly KnowledgeRunOptions _options;
    private readonly NearDuplicateDetector _signer;
    private DateOnly? _newest;

    public KnowledgeRun(IKnowledgeBase knowledge, CorpusAnalyzer? corpus = null, DocumentAnalyzer? analyzer = null, KnowledgeRunOptions? options = null)
    {
        _knowledge = knowledge;
        _corpus = corpus ?? CorpusAnalyzer.Default;
        _analyzer = analyzer ?? DocumentAnalyzer.Default;
        _options = options ?? KnowledgeRunOptions.Default;
        _signer = new NearDuplicateDetector(_corpus.DuplicateOptions);
    }

    /// <summary>Called when an annotator fails on a document annotated here (stored members, documents dated by their story).</summary>
    public Action<IAnnotator, Document, Exception>? OnError { get; init; }

    /// <summary>
    /// Connects annotated documents (given in the run's order; each is condensed, <see cref="CorpusAnalyzer.Condense"/>)
    /// and applies the change to the knowledge base.
    /// </summary>
    public KnowledgeResult Connect(IReadOnlyList<Document> documents)
    {
        using var connecting = _knowledge.Connecting();
        var result = Prepare(documents);
        _knowledge.Apply(result.Change);
        return result;
    }

    /// <summary>
    /// Connects the documents as <see cref="Connect"/> does but leaves the change to the caller, who stores the documents
    /// first (a story may date them) and then applies it: a run stopped in between leaves them stored, unconnected,
    /// and the next run connects them. The caller holds <see cref="IKnowledgeBase.Connecting"/> from before this call
    /// until the change is applied.
    /// </summary>
    public KnowledgeResult Prepare(IReadOnlyList<Document> documents)
    {
        var given = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var fresh = documents.ToList();
        var pending = _knowledge.Unconnected(_options.Unconnected).Where(id => !given.Contains(id)).ToList();
        if (pending.Count > 0)
        {
            fresh.AddRange(Annotate(_knowledge.Documents(pending).ToList()));
        }

        foreach (var d in fresh)
        {
            _corpus.Condense(d);
        }

        var freshIds = fresh.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var usable = fresh.Where(d => d.Has(CorpusLayers.Digest)).ToList();
        var signals = usable.ToDictionary(d => d.Id, d => d.TryGet(CorpusLayers.Digest, out var digest) ? digest.Date : default, StringComparer.Ordinal);

        // Stories: the stored candidates come back as dormant stories, and the new documents join or open stories.
        var restored = Candidates(signals.Values);
        var restoredById = restored.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var storyIds = new HashSet<string>(StringComparer.Ordinal);
        string Name(Document d)
        {
            var id = StableIds.Story(d.Id, x => storyIds.Contains(x) || _knowledge.ResolveStory(x) is not null);
            storyIds.Add(id);
            return id;
        }

        StoryClusterer Restoring(IEnumerable<StoryRecord> records)
        {
            storyIds = restored.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var c = new StoryClusterer(_corpus.StoryOptions, _corpus.Features, _corpus.Dates, Name);
            foreach (var record in records)
            {
                c.Restore(record.Id, StoryState.Parse(record.State, record.Id), record.Documents);
            }

            return c;
        }

        var clusterer = Restoring(restored);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in usable.OrderBy(d => signals[d.Id].Date ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            reached.UnionWith(clusterer.Reached(d).Where(restoredById.ContainsKey));
            clusterer.Add(d, signals[d.Id]);
        }

        var members = fresh.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var added = usable.Select(d => d.Id).ToList();
        var reachedDocs = reached.Order(StringComparer.Ordinal).ToDictionary(r => r, _knowledge.StoryDocuments, StringComparer.Ordinal);
        if (reached.Count > 0)
        {
            // The stored stories the new documents reach are formed again from their documents and the new ones, in date
            // order, as one batch would form them: the stories do not depend on the order the articles arrived in.
            var again = reachedDocs.Values.SelectMany(ids => ids).Where(id => !members.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            Rebuild(again, members, signals);
            clusterer = Restoring(restored.Where(r => !reached.Contains(r.Id)));
            var regrouped = usable.Concat(again.Where(members.ContainsKey).Select(id => members[id]).Where(d => d.Has(CorpusLayers.Digest))).ToList();
            clusterer.AddAll(regrouped);
            added = [.. regrouped.Select(d => d.Id)];
        }

        var (touched, redirects) = Touched(clusterer, added, restoredById, reachedDocs);
        Rebuild([.. touched.SelectMany(t => t.Story.Documents).Where(id => !members.ContainsKey(id)).Distinct(StringComparer.Ordinal)], members, signals);

        // The members in the order the clusterer takes documents (dated by date, then undated, each by id), whatever
        // the order they came in, so a story's events come out the same however it grew.
        var stories = touched.Select(t => t.Story with
        {
            Documents = [.. t.Story.Documents.Where(members.ContainsKey)
                .OrderBy(id => signals.GetValueOrDefault(id).Date ?? DateOnly.MaxValue).ThenBy(id => id, StringComparer.Ordinal)],
        }).ToList();

        var redated = StoryDater.Apply(stories, stories.SelectMany(s => s.Documents).Select(id => members[id])).Select(d => _analyzer.Reannotate(d, OnError)).ToList();
        foreach (var d in redated)
        {
            members[d.Id] = d;
        }

        // Per story: merged events (keeping their ids), discrepancies, framing.
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<(string Story, CorpusEvent Event)>();
        var discrepancies = new List<(string Story, Discrepancy Discrepancy)>();
        var framing = new List<FramingRecord>();
        var previousEvents = new List<EventRecord>();
        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var docs = story.Documents.Select(id => members[id]).ToList();
            var previous = touched[i].Parts.SelectMany(_knowledge.StoryEvents).ToList();
            previousEvents.AddRange(previous);
            events.AddRange(EventIds.Assign(EventMerger.Default.Merge([story], docs), previous, eventIds).Select(e => (story.Id, e)));
            discrepancies.AddRange(_corpus.Discrepancies.Collect([story], docs).Select(d => (story.Id, d)));
            framing.Add(KnowledgeRecords.Framing(story.Id, FramingTable.Default.Build(docs)));
        }

        var final = fresh.Select(d => members[d.Id]).ToList();
        var catalog = new EntityCatalog();
        foreach (var d in final.Concat(stories.SelectMany(s => s.Documents).Where(id => !freshIds.Contains(id)).Select(id => members[id])))
        {
            if (d.TryGet(EntityLayers.Entities, out var mentions))
            {
                catalog.Add(mentions);
            }
        }

        var entities = catalog.Entities();
        var records = new KnowledgeRecords(entities, members);
        var (duplicates, duplicateRecords, digests) = Duplicates(usable, freshIds);
        var discrepancyIds = new HashSet<string>(StringComparer.Ordinal);
        var discrepancyRecords = discrepancies.Select(x =>
        {
            var id = StableIds.Discrepancy(x.Story, KnowledgeRecords.Signature(x.Discrepancy), discrepancyIds.Contains);
            discrepancyIds.Add(id);
            return KnowledgeRecords.Discrepancy(id, x.Story, x.Discrepancy);
        }).ToList();

        var eventCounts = events.CountBy(e => e.Story).ToDictionary(StringComparer.Ordinal);
        var discrepancyCounts = discrepancies.CountBy(d => d.Story).ToDictionary(StringComparer.Ordinal);
        var change = new KnowledgeChange
        {
            Stories = [.. stories.Select((s, i) => records.Story(s, clusterer.Export(touched[i].Provisional)!, eventCounts.GetValueOrDefault(s.Id), discrepancyCounts.GetValueOrDefault(s.Id)))],
            Redirects = redirects,
            DocumentStories = stories.SelectMany(s => s.Documents.Select(d => (d, s.Id))).ToDictionary(x => x.d, x => x.Id, StringComparer.Ordinal),
            Unstoried = [.. fresh.Where(d => !d.Has(CorpusLayers.Digest)).Select(d => d.Id)],
            Events = [.. events.Select(e => records.Event(e.Event, e.Story))],
            Discrepancies = discrepancyRecords,
            Framing = framing,
            Duplicates = duplicateRecords,
            Entities = [.. entities.Select(records.Entity)],
            EntityMentions = final.ToDictionary(d => d.Id, MentionCounts, StringComparer.Ordinal),
            Digests = digests,
        };
        change = change with { Alerts = Alerts(final, change, events.Select(e => e.Event).Zip(change.Events), discrepancies.Select(d => d.Discrepancy).Zip(discrepancyRecords), previousEvents) };
        return new KnowledgeResult(final, redated, stories, redirects, [.. events.Select(e => e.Event)], duplicates,
            [.. discrepancies.Select(d => d.Discrepancy)], entities, change);
    }

    /// <summary>
    /// What the store's watchlists follow among the added documents (<see cref="WatchlistMatcher"/>): matched here, so
    /// every way of adding articles raises alerts, and applied with the change, in its transaction.
    /// </summary>
    private IReadOnlyList<AlertRecord> Alerts(
        List<Document> added, KnowledgeChange change, IEnumerable<(CorpusEvent, EventRecord)> events, IEnumerable<(Discrepancy, DiscrepancyRecord)> discrepancies,
        IReadOnlyList<EventRecord> previous)
    {
        var watchlists = _knowledge.Watchlists();
        if (watchlists.Count == 0)
        {
            return [];
        }

        var redirects = change.Redirects;
        var titles = change.Stories.ToDictionary(s => s.Id, s => s.Title, StringComparer.Ordinal);
        return (_options.Matcher ?? WatchlistMatcher.Default).Match(watchlists, new AddedKnowledge(
            added, change.DocumentStories, [.. events], [.. discrepancies], titles,
            id => redirects.TryGetValue(id, out var survivor) ? survivor : _knowledge.ResolveStory(id), previous));
    }

    /// <summary>
    /// The stories the added documents are in, under their lasting ids, with every document (the stored members of the
    /// stored stories they continue) and the stored stories whose events they carry on; and the stored ids that now
    /// stand for another story. A story formed again from a reached stored story takes that story's id (the one it
    /// shares most documents with; the older on a tie); a reached story whose id no story takes, and a stored story a
    /// bridge merged, redirect to the story that holds (most of) its documents.
    /// </summary>
    private (List<(Story Story, string Provisional, List<string> Parts)> Touched, Dictionary<string, string> Redirects) Touched(
        StoryClusterer clusterer, List<string> added, Dictionary<string, StoryRecord> restored, Dictionary<string, IReadOnlyList<string>> reachedDocs)
    {
        var roots = added.Select(id => clusterer.StoryOf(id)!).ToHashSet(StringComparer.Ordinal);
        var groups = clusterer.Stories().Where(s => roots.Contains(s.Id)).ToList();
        var reachedOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (story, ids) in reachedDocs)
        {
            foreach (var id in ids)
            {
                reachedOf[id] = story;
            }
        }

        var overlap = groups.ToDictionary(g => g.Id, g => g.Documents.Where(reachedOf.ContainsKey).CountBy(d => reachedOf[d]).ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        var final = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, counts) in overlap.Where(g => !restored.ContainsKey(g.Key))
                     .SelectMany(g => g.Value.Select(c => (Group: g.Key, c.Key, c.Value)))
                     .OrderByDescending(x => x.Value).ThenBy(x => restored[x.Key].First ?? "9999", StringComparer.Ordinal).ThenBy(x => x.Key, StringComparer.Ordinal)
                     .Select(x => (x.Group, x.Key)))
        {
            if (!final.ContainsKey(group) && !final.ContainsValue(counts))
            {
                final[group] = counts;
            }
        }

        foreach (var g in groups)
        {
            final.TryAdd(g.Id, g.Id);
        }

        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in restored.Keys.Where(id => !reachedDocs.ContainsKey(id)))
        {
            if (clusterer.Resolve(id) is { } root && root != id)
            {
                redirects[id] = final[root];
            }
        }

        var kept = final.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var id in reachedDocs.Keys.Where(id => !kept.Contains(id)))
        {
            var holder = overlap.Where(g => g.Value.ContainsKey(id)).OrderByDescending(g => g.Value[id]).Select(g => g.Key).FirstOrDefault();
            if (holder is not null)
            {
                redirects[id] = final[holder];
            }
        }

        var touched = groups.Select(g =>
        {
            var parts = restored.Keys.Where(id => !reachedDocs.ContainsKey(id) && clusterer.Resolve(id) == g.Id).Order(StringComparer.Ordinal).ToList();
            var documents = g.Documents.Concat(parts.SelectMany(_knowledge.StoryDocuments)).Distinct(StringComparer.Ordinal).ToList();
            parts.AddRange(overlap[g.Id].Keys.Order(StringComparer.Ordinal));
            return (g with { Id = final[g.Id], Documents = documents }, g.Id, parts);
        }).ToList();
        return (touched, redirects);
    }

    /// <summary>Stored documents rebuilt, annotated and condensed into <paramref name="members"/>, with their date signals.</summary>
    private void Rebuild(List<string> ids, Dictionary<string, Document> members, Dictionary<string, DateSignal> signals)
    {
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var d in Annotate(_knowledge.Documents(ids).ToList()))
        {
            _corpus.Condense(d);
            members[d.Id] = d;
            signals[d.Id] = d.TryGet(CorpusLayers.Digest, out var digest) ? digest.Date : default;
        }
    }

    /// <summary>The stored stories a new document could join, oldest first; moves the stream's newest date on.</summary>
    private List<StoryRecord> Candidates(IEnumerable<DateSignal> signals)
    {
        var options = _corpus.StoryOptions;
        DateOnly? from = null, to = null;
        var undated = false;
        foreach (var signal in signals)
        {
            if (signal.Date is { } d)
            {
                from = from is { } f && f <= d ? f : d;
                to = to is { } t && t >= d ? t : d;
            }
            else
            {
                undated = true;
            }
        }

        if (to is { } newest && (_newest is null || newest > _newest))
        {
            _newest = newest;
        }

        if (from is { } first)
        {
            from = first.AddDays(-options.DateWindowDays);
            to = to!.Value.AddDays(options.DateWindowDays);
        }

        // An undated document can join any story (its text gives no date to rule one out): those of the stream's last
        // days; a fresh process takes the stream's "now" from the store.
        if (undated)
        {
            _newest ??= _knowledge.NewestStoryDay();
        }

        if (undated && _newest is { } now)
        {
            var start = now.AddDays(-options.MaxSpanDays);
            from = from is { } f && f <= start ? f : start;
            to = to is { } t && t >= now ? t : now;
        }

        var dated = from is { } a && to is { } b ? _knowledge.StoriesBetween(a, b) : [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return dated.OrderBy(s => s.First, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Concat(_knowledge.UndatedStories(_options.UndatedStories).OrderBy(s => s.Id, StringComparer.Ordinal))
            .Where(s => seen.Add(s.Id))
            .ToList();
    }

    /// <summary>Annotates rebuilt documents on every core (as <c>analyze</c> does; the pipeline is order-independent).</summary>
    private List<Document> Annotate(List<Document> documents)
    {
        var degree = _options.Threads == 0 ? Environment.ProcessorCount : _options.Threads;
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = degree }, d =>
        {
            if (d.Language == "ar")
            {
                _analyzer.Pipeline.Run(d, OnError);
            }
        });
        return documents;
    }

    /// <summary>Near-duplicates of each new document: among the stored documents sharing a band, then among the run's earlier ones.</summary>
    private (List<DuplicatePair> Pairs, List<DuplicateRecord> Records, List<DocumentDigest> Digests) Duplicates(List<Document> usable, HashSet<string> fresh)
    {
        var detector = new NearDuplicateDetector(_corpus.DuplicateOptions);
        var pairs = new List<DuplicatePair>();
        var digests = new List<DocumentDigest>();
        foreach (var d in usable)
        {
            if (!d.TryGet(CorpusLayers.Digest, out var digest) || digest.Signature is not { } signature)
            {
                continue;
            }

            var bands = _signer.BandKeys(signature);
            digests.Add(new DocumentDigest(d.Id, signature, bands));
            var stored = new List<DuplicatePair>();
            foreach (var candidate in _knowledge.DuplicateCandidates(bands, _options.DuplicateCandidates))
            {
                if (!fresh.Contains(candidate.Document) && candidate.Signature.Length == signature.Length
                    && _signer.Compare(candidate.Document, candidate.Signature, d.Id, signature) is { } pair)
                {
                    stored.Add(pair);
                }
            }

            pairs.AddRange(stored.OrderByDescending(p => p.Similarity).ThenBy(p => p.A, StringComparer.Ordinal));
            pairs.AddRange(detector.Add(d.Id, signature));
        }

        var records = pairs.Select(p => string.CompareOrdinal(p.A, p.B) <= 0 ? new DuplicateRecord(p.A, p.B, p.Similarity) : new DuplicateRecord(p.B, p.A, p.Similarity)).ToList();
        return (pairs, records, digests);
    }

    private static IReadOnlyList<EntityMentionCount> MentionCounts(Document d) =>
        d.TryGet(EntityLayers.Entities, out var mentions)
            ? [.. mentions.GroupBy(m => m.Ref, StringComparer.Ordinal).Select(g => new EntityMentionCount(g.Key, d.Id, g.Count()))]
            : [];
}
