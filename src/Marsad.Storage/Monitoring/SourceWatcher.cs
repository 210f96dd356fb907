using System.Globalization;
using Marsad.Analysis;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Monitoring;

namespace Marsad.Storage.Monitoring;

/// <summary>
/// Polls watched sources and adds each new article to the knowledge base. Rules:
/// <list type="bullet">
/// <item>sources are claimed from the store under a lease (renewed while a poll runs), up to
/// <see cref="WatchOptions.Parallel"/> at once; a feed or sitemap is fetched with the validators of its last fetch, and
/// the new validators are written only once every item it lists has been dealt with, so a killed watcher fetches the
/// listing again and finds the items it had not finished;</item>
/// <item>an item is keyed by its canonical address (<see cref="CanonicalUrl"/>); an address marked done, or whose document
/// is stored (a run killed between storing it and marking it), is not fetched again; a failed one is tried on later polls
/// up to <see cref="ItemStates.MaxAttempts"/> times;</item>
/// <item>a page's text comes from <see cref="HtmlArticleReader"/>; its id is the page's canonical address (its
/// <c>link rel=canonical</c> when it gives one), so the same article reached through two feeds or two addresses is one
/// document, and a text already stored under another id (same content hash) is a duplicate, not stored;</item>
/// <item>articles are fetched, analyzed together and stored <see cref="WatchOptions.Chunk"/> at a time, each document in
/// its own transaction and marked right after, then connected through the engine's one run (<see cref="KnowledgeRun"/>):
/// a run killed before that leaves them stored and unconnected, and the next run connects them;</item>
/// <item>a failed poll (HTTP error after retries, timeout, redirect loop, body over the limit, malformed XML) is reported
/// on one line and the source backs off exponentially (with jitter, up to <see cref="WatchOptions.MaxBackoff"/>); the other
/// sources go on.</item>
/// </list>
/// </summary>
public sealed class SourceWatcher
{
    private readonly IKnowledgeStore _store;
    private readonly WebFetcher _fetcher;
    private readonly DocumentAnalyzer _analyzer;
    private readonly WatchOptions _options;
    private readonly KnowledgeRun _run;
    private readonly SemaphoreSlim _knowledge = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public SourceWatcher(IKnowledgeStore store, WebFetcher fetcher, WatchOptions options, DocumentAnalyzer? analyzer = null)
    {
        _store = store;
        _fetcher = fetcher;
        _options = options;
        _analyzer = analyzer ?? DocumentAnalyzer.Default;
        _run = new KnowledgeRun(store, analyzer: _analyzer)
        {
            OnError = (annotator, doc, ex) => Problem(doc.SourcePath, $"{doc.Id}: annotator '{annotator.Name}' failed: {OneLine(ex.Message)}"),
        };
    }

    /// <summary>One line per new article (for standard output).</summary>
    public Action<string>? OnArticle { get; init; }

    /// <summary>One line per problem (for standard error).</summary>
    public Action<string>? OnProblem { get; init; }

    public WatchReport Report { get; } = new();

    /// <summary>Polls the sources: each once when <paramref name="once"/>, else each as it comes due, until cancelled.</summary>
    public async Task RunAsync(IReadOnlyList<WatchSource> sources, bool once, CancellationToken cancel)
    {
        var byId = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var ids = byId.Keys.ToList();
        var start = DateTimeOffset.UtcNow;
        _store.AddSources(sources, start, _options.Interval);
        var running = new List<Task>();
        while (!cancel.IsCancellationRequested)
        {
            while (running.Count < Math.Max(1, _options.Parallel) && !cancel.IsCancellationRequested
                   && _store.Claim(ids, _options.Owner, DateTimeOffset.UtcNow, _options.Lease, once ? start : null) is { } claim)
            {
                var source = byId[claim.Id];
                running.Add(Task.Run(() => PollAsync(claim, source, cancel), CancellationToken.None));
            }

            if (running.Count == 0)
            {
                if (once)
                {
                    break;
                }

                await Delay(_options.Idle, cancel).ConfigureAwait(false);
                continue;
            }

            // A slot that frees up is filled at once; while all are busy, sources that come due wait for one.
            var done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            await done.ConfigureAwait(false);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private static async Task Delay(TimeSpan wait, CancellationToken cancel)
    {
        try
        {
            await Task.Delay(wait, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task PollAsync(SourceClaim claim, WatchSource source, CancellationToken cancel)
    {
        var renewEvery = _options.Lease / 3;
        using var renewal = new Timer(_ => Renew(claim.Id), null, renewEvery, renewEvery);
        var progress = new PollProgress();
        SourcePoll poll;
        try
        {
            poll = source.IsFolder
                ? await PollFolderAsync(claim, source, progress, cancel).ConfigureAwait(false)
                : await PollWebAsync(claim, source, progress, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Stopped mid-poll: the validators stay as they were (the listing is read again next time) and the source is
            // due at once for the next watcher.
            poll = new SourcePoll(claim.Id, "interrupted", null, claim.Validators, progress.New, claim.Failures, DateTimeOffset.UtcNow);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            poll = Failure(claim, source, "watch failed: " + OneLine(ex.Message));
        }

        renewal.Change(Timeout.Infinite, Timeout.Infinite);
        Report.Poll();
        try
        {
            _store.Finish(poll, _options.Owner, DateTimeOffset.UtcNow);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Problem(claim.Id, "state not recorded: " + OneLine(ex.Message));
        }
    }

    private void Renew(string id)
    {
        try
        {
            _store.Renew(id, _options.Owner, DateTimeOffset.UtcNow + _options.Lease);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missed renewal only risks the lease: another watcher may poll the source too, and stores nothing twice.
        }
    }

    private async Task<SourcePoll> PollWebAsync(SourceClaim claim, WatchSource source, PollProgress progress, CancellationToken cancel)
    {
        var fetched = await _fetcher.GetAsync(new Uri(claim.Id), claim.Validators, cancel).ConfigureAwait(false);
        switch (fetched.Status)
        {
            case FetchStatus.NotModified:
                Report.Unchanged();
                Report.PollSucceeded(claim.Id);
                return new SourcePoll(claim.Id, "not-modified", null, claim.Validators, 0, 0, Next(source, 0));
            case FetchStatus.Disallowed or FetchStatus.Failed:
                return Failure(claim, source, fetched.Error!);
        }

        FeedListing listing;
        try
        {
            listing = FeedParser.Parse(fetched.Body, fetched.Url);
        }
        catch (FormatException ex)
        {
            return Failure(claim, source, ex.Message);
        }

        var items = listing.Items.ToList();
        foreach (var map in listing.Sitemaps.Take(_options.MaxChildSitemaps))
        {
            var child = await _fetcher.GetAsync(map, null, cancel).ConfigureAwait(false);
            try
            {
                items.AddRange(child.Status == FetchStatus.Ok ? FeedParser.Parse(child.Body, child.Url).Items : []);
                if (child.Status is FetchStatus.Failed or FetchStatus.Disallowed)
                {
                    Problem(claim.Id, $"{map}: {child.Error}");
                }
            }
            catch (FormatException ex)
            {
                Problem(claim.Id, $"{map}: {ex.Message}");
            }
        }

        await ArticlesAsync(claim.Id, items, progress, cancel).ConfigureAwait(false);
        Report.PollSucceeded(claim.Id);
        return new SourcePoll(claim.Id, "ok", null, fetched.Validators, progress.New, 0, Next(source, 0));
    }

    private async Task ArticlesAsync(string sourceId, List<FeedItem> listed, PollProgress progress, CancellationToken cancel)
    {
        var items = listed.DistinctBy(i => i.Url.AbsoluteUri, StringComparer.Ordinal).ToList();
        var marks = _store.Items([.. items.Select(i => i.Url.AbsoluteUri)]);
        var todo = items.Where(i => !ItemStates.IsSettled(marks.GetValueOrDefault(i.Url.AbsoluteUri))).ToList();
        foreach (var chunk in todo.Chunk(Math.Max(1, _options.Chunk)))
        {
            var pending = new List<Pending>();
            var taken = new List<string>();
            try
            {
                await FetchChunkAsync(sourceId, chunk, marks, pending, taken, cancel).ConfigureAwait(false);
                await StoreAsync(sourceId, pending, progress, cancel).ConfigureAwait(false);
            }
            finally
            {
                foreach (var key in taken)
                {
                    _inFlight.TryRemove(key, out _);
                }
            }
        }
    }

    private async Task FetchChunkAsync(string sourceId, FeedItem[] chunk, IReadOnlyDictionary<string, ItemMark> marks, List<Pending> pending, List<string> taken, CancellationToken cancel)
    {
        foreach (var item in chunk)
        {
            cancel.ThrowIfCancellationRequested();
            var key = item.Url.AbsoluteUri;

            // Two sources listing one article: the one that takes it first fetches it, the other leaves it (and
            // finds it marked on its next poll).
            if (!_inFlight.TryAdd(key, 0))
            {
                continue;
            }

            taken.Add(key);
            var attempts = marks.GetValueOrDefault(key)?.Attempts ?? 0;
            if (ItemStates.IsSettled(_store.Items([key]).GetValueOrDefault(key)))
            {
                continue;
            }

            if (_store.GetContentHash(key) is not null)
            {
                // Stored by a run that was stopped before it marked the address.
                _store.Mark(new ItemMark(key, ItemStates.Stored, attempts + 1, key), sourceId, null, DateTimeOffset.UtcNow);
                continue;
            }

            var page = await _fetcher.GetAsync(item.Url, null, cancel).ConfigureAwait(false);
            if (page.Status == FetchStatus.Disallowed)
            {
                Report.Skipped();
                _store.Mark(new ItemMark(key, ItemStates.Disallowed, attempts + 1, null), sourceId, page.Error, DateTimeOffset.UtcNow);
                continue;
            }

            string? error = null;
            var article = page.Status == FetchStatus.Ok ? Read(page, item, out error) : null;
            if (article is null)
            {
                ArticleFailed(sourceId, key, attempts, page.Error ?? error ?? "not read");
                continue;
            }

            pending.Add(new Pending(article, key, attempts));
        }
    }

    private static RawArticle? Read(FetchResult page, FeedItem item, out string? error)
    {
        var body = page.Body!;
        var decoded = TextDecoder.Decode(body, page.Charset ?? EncodingDetector.DeclaredCharset(body));
        var id = CanonicalUrl.Of(page.Url)?.AbsoluteUri ?? item.Url.AbsoluteUri;
        var read = HtmlArticleReader.Read(id, decoded);
        if (read.Article is not { } a)
        {
            error = read.Error!.Message;
            return null;
        }

        // The page's own canonical address names the article wherever it was linked from.
        if (CanonicalUrl.Of(a.Url, page.Url) is { } canonical && canonical.Host == page.Url.Host)
        {
            id = canonical.AbsoluteUri;
        }

        error = null;
        return a with
        {
            Id = id,
            IdFromFileName = false,
            Url = id,
            SourcePath = id,
            Title = a.Title ?? item.Title,
            Published = a.Published ?? item.Published,
            Outlet = a.Outlet ?? page.Url.Host,
        };
    }

    private async Task<SourcePoll> PollFolderAsync(SourceClaim claim, WatchSource source, PollProgress progress, CancellationToken cancel)
    {
        if (!Directory.Exists(source.Id))
        {
            return Failure(claim, source, "no such folder");
        }

        // A file is keyed by its address with its size and time of change: a file written again is read again.
        var files = Directory.EnumerateFiles(source.Id, "*", SearchOption.AllDirectories)
            .Where(InputFormats.IsSupported).Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Info: new FileInfo(f)))
            .Select(f => (f.Path, Key: new Uri(f.Path).AbsoluteUri + "#" + f.Info.Length.ToString(CultureInfo.InvariantCulture) + "-" + f.Info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var marks = _store.Items([.. files.Select(f => f.Key)]);
        var root = Path.GetFileName(source.Id.TrimEnd(Path.DirectorySeparatorChar));
        foreach (var chunk in files.Where(f => !ItemStates.IsSettled(marks.GetValueOrDefault(f.Key))).Chunk(Math.Max(1, _options.Chunk)))
        {
            var pending = new List<Pending>();
            foreach (var (path, key) in chunk)
            {
                cancel.ThrowIfCancellationRequested();
                var attempts = marks.GetValueOrDefault(key)?.Attempts ?? 0;
                var outcomes = ArticleReader.Read(path).ToList();
                var articles = outcomes.Where(o => o.IsSuccess).Select(o => o.Article!).ToList();
                if (articles.Count == 0)
                {
                    ArticleFailed(source.Id, key, attempts, outcomes.FirstOrDefault(o => !o.IsSuccess)?.Error?.Message ?? "no article in the file");
                    continue;
                }

                // An id made from the file name is qualified by the file's place in the folder, so two x.txt stay two.
                var relative = Path.ChangeExtension(Path.GetRelativePath(source.Id, path), null).Replace(Path.DirectorySeparatorChar, '/');
                pending.AddRange(articles.Select((a, i) => new Pending(
                    a.IdFromFileName ? a with { Id = root + "/" + relative + (articles.Count > 1 ? "#" + (i + 1).ToString(CultureInfo.InvariantCulture) : ""), IdFromFileName = false } : a,
                    key, attempts)));
            }

            await StoreAsync(source.Id, pending, progress, cancel).ConfigureAwait(false);
        }

        Report.PollSucceeded(claim.Id);
        return new SourcePoll(claim.Id, "ok", null, Validators.None, progress.New, 0, Next(source, 0));
    }

    /// <summary>Analyzes the chunk together, stores each new document and marks its address, then connects them.</summary>
    private async Task StoreAsync(string sourceId, List<Pending> pending, PollProgress progress, CancellationToken cancel)
    {
        if (pending.Count == 0)
        {
            return;
        }

        cancel.ThrowIfCancellationRequested();
        var articles = pending.Select(p => p.Article).ToList();
        var outcomes = _analyzer.AnalyzeAll(articles, CleanerContext.Build(articles)).ToList();
        await _knowledge.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var stored = new List<Document>();
            var settled = new Dictionary<string, ItemMark>(StringComparer.Ordinal);
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < outcomes.Count; i++)
            {
                var (outcome, item) = (outcomes[i], pending[i]);
                var now = DateTimeOffset.UtcNow;
                if (outcome.Document is not { } doc)
                {
                    ArticleFailed(sourceId, item.Key, item.Attempts, "not analyzed: " + OneLine(outcome.Failure!.Message));
                    continue;
                }

                if (_store.GetContentHash(doc.Id) is not null || stored.Any(d => d.Id == doc.Id))
                {
                    // Another address of a stored article (its page names that one canonical), or a watcher beside this
                    // one stored it meanwhile.
                    if (item.Key != doc.Id)
                    {
                        Report.Duplicate();
                    }

                    settled[item.Key] = new ItemMark(item.Key, item.Key == doc.Id ? ItemStates.Stored : ItemStates.Duplicate, item.Attempts + 1, doc.Id);
                }
                else if ((hashes.GetValueOrDefault(doc.ContentHash) ?? _store.DocumentWithHash(doc.ContentHash)) is { } other)
                {
                    Report.Duplicate();
                    settled[item.Key] = new ItemMark(item.Key, ItemStates.Duplicate, item.Attempts + 1, other);
                }
                else
                {
                    try
                    {
                        _store.Save(StoredDocuments.From(doc));
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        ArticleFailed(sourceId, item.Key, item.Attempts, "not stored: " + OneLine(ex.Message));
                        continue;
                    }

                    hashes[doc.ContentHash] = doc.Id;
                    stored.Add(doc);
                    progress.New++;
                    Report.Added();
                    settled[item.Key] = new ItemMark(item.Key, ItemStates.Stored, item.Attempts + 1, doc.Id);
                    OnArticle?.Invoke(DisplayText.Escape($"new {doc.Id} {doc.Title ?? ""}".TrimEnd()));
                }

                // A file of many records is done when its last record is.
                if (i + 1 == pending.Count || pending[i + 1].Key != item.Key)
                {
                    _store.Mark(settled.GetValueOrDefault(item.Key) ?? new ItemMark(item.Key, ItemStates.Stored, item.Attempts + 1, doc.Id), sourceId, null, now);
                }
            }

            if (stored.Count > 0)
            {
                try
                {
                    // A story may date a document: stored again with that date.
                    foreach (var dated in _run.Connect(stored).Redated)
                    {
                        _store.Save(StoredDocuments.From(dated));
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Problem(sourceId, $"{stored.Count} articles stored, not connected yet (the next run connects them): {OneLine(ex.Message)}");
                }
            }
        }
        finally
        {
            _knowledge.Release();
        }
    }

    private void ArticleFailed(string sourceId, string key, int attempts, string error)
    {
        Report.ArticleFailed();
        var tries = attempts + 1;
        var again = tries < ItemStates.MaxAttempts ? "tried again next poll" : "given up";
        Problem(sourceId, $"{key}: {error} ({again})");
        try
        {
            _store.Mark(new ItemMark(key, ItemStates.Failed, tries, null), sourceId, error, DateTimeOffset.UtcNow);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Problem(sourceId, $"{key}: state not recorded: {OneLine(ex.Message)}");
        }
    }

    private SourcePoll Failure(SourceClaim claim, WatchSource source, string error)
    {
        var failures = claim.Failures + 1;
        var next = Next(source, failures);
        Report.PollFailed(claim.Id, error);
        var wait = next - DateTimeOffset.UtcNow;
        Problem(claim.Id, string.Create(CultureInfo.InvariantCulture,
            $"{error} (failed {failures} time{(failures == 1 ? "" : "s")} in a row; next try in {Human(wait)})"));
        return new SourcePoll(claim.Id, "failed", error, claim.Validators, 0, failures, next);
    }

    /// <summary>The next poll: the interval after a success; after failures, the interval doubled per failure, with jitter, capped.</summary>
    private DateTimeOffset Next(WatchSource source, int failures)
    {
        var interval = source.Interval ?? _options.Interval;
        if (failures == 0)
        {
            return DateTimeOffset.UtcNow + interval;
        }

        var backoff = interval.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(backoff, Math.Max(interval.TotalSeconds, _options.MaxBackoff.TotalSeconds));
        return DateTimeOffset.UtcNow + TimeSpan.FromSeconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    private static string Human(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.#} h")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0} min") : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, t.TotalSeconds):0} s");

    private void Problem(string source, string message) => OnProblem?.Invoke(DisplayText.Escape($"{source}: {message}"));

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private sealed record Pending(RawArticle Article, string Key, int Attempts);

    private sealed class PollProgress
    {
        public int New { get; set; }
    }
}
