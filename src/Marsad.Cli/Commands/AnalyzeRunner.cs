using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Storage;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// One <c>analyze</c> run: read every input, learn the lines repeated across each outlet's pages, clean and
/// annotate each article, store it (in batches, each one transaction), then write the JSON and a summary. A bad input
/// costs one line on standard error and the run goes on; documents already stored are never touched by a failure.
/// </summary>
internal static class AnalyzeRunner
{
    /// <summary>Below this many files a progress bar is noise.</summary>
    private const int ProgressThreshold = 20;

    public static int Run(AnalyzeOptions options)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var report = new AnalyzeReport();

        // The engine's tables load while the store opens and the input is read (most of a short run's time).
        var warming = Task.Run(() =>
        {
            _ = TermFeatureSource.Default;
            return DocumentAnalyzer.Default;
        });
        var opening = Task.Run(() => OpenIndex(options));
        IDocumentStore opened;
        try
        {
            opened = options.OpenStore?.Invoke(options.DbPath) ?? OpenStore(options.DbPath);
        }
        catch
        {
            // The index opened beside a store that cannot be is let go (its lock with it).
            opening.GetAwaiter().GetResult()?.Dispose();
            throw;
        }

        using var store = opened;
        using var index = opening.GetAwaiter().GetResult();
        var articles = Read(options, report);
        var count = articles.Count;
        var context = CleanerContext.Build(articles);
        var analyzer = warming.GetAwaiter().GetResult();
        var connector = CorpusAnalyzer.Default;
        var documents = new List<Document>();
        var spooled = new List<string>(count);
        using var spool = new DocumentSpool(SpoolDirectory(options.JsonPath));
        Action<IAnnotator, Document, Exception> onError = (annotator, doc, ex) =>
            report.Error($"{doc.SourcePath}: {doc.Id}: annotator '{annotator.Name}' failed: {Program.OneLine(ex.Message)}");

        // Ids are made unique first, in input order, whatever order the chunks then take.
        var inputs = new InputArticles(store, "stored");
        var unique = articles.Select(inputs.Prepare).ToArray();
        report.Renamed += inputs.Renamed;
        articles = null;
        var runIds = unique.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var chunks = Chunks(unique, options.ChunkSize);

        void AnalyzeAll(RawArticle[] chunk, Action? tick)
        {
            // The analysis runs on every core and its outcomes come back in the chunk's order, so errors, documents
            // and the JSON read exactly as in a one-thread run.
            var next = 0;
            foreach (var outcome in analyzer.AnalyzeAll(chunk, context))
            {
                // Each input is let go once its outcome is back (the workers only read inputs ahead of it): the raw
                // articles are a long run's largest data.
                chunk[next++] = null!;
                var article = outcome.Article;
                if (outcome.Document is { } document)
                {
                    foreach (var failure in outcome.AnnotatorFailures)
                    {
                        onError(failure.Annotator, document, failure.Exception);
                    }

                    // The JSON is final unless a story dates the document (then it is written again); the document
                    // keeps only what the corpus stage reads.
                    string json;
                    try
                    {
                        json = AnalysisJson.DocumentJson(document);
                        connector.Condense(document);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        report.Error($"{article.SourcePath}: {article.Id}: not analyzed: {Program.OneLine(ex.Message)}");
                        tick?.Invoke();
                        continue;
                    }

                    spool.Add(json);
                    spooled.Add(document.Id);
                    documents.Add(document);
                }
                else
                {
                    report.Error($"{article.SourcePath}: {article.Id}: not analyzed: {Program.OneLine(outcome.Failure!.Message)}");
                    Program.DebugTrace(outcome.Failure);
                }

                tick?.Invoke();
            }
        }
        // Documents are stored after they are connected, because a story may date a document; they are saved in batches
        // of options.SaveBatch, each one transaction (a transaction a document cost more than the saving itself), so a killed run
        // leaves whole documents (at most a batch fewer) and a rerun stores the rest. Returns the JSON of the documents
        // stored with a story's date, and the documents that changed the store.
        (Dictionary<string, string> Rewritten, List<Document> Changed) StoreAll(IEnumerable<Document> analyzed, IReadOnlyDictionary<string, Document> redated, SpoolMark? spooledFrom, Action? tick, bool counted = true)
        {
            var redatedJson = new Dictionary<string, string>(StringComparer.Ordinal);
            var changed = new List<Document>();
            var batch = new List<(Document Original, Document Document, string Json)>(options.SaveBatch);
            using var jsons = spooledFrom is { } from ? spool.Read(from).GetEnumerator() : null;
            foreach (var original in analyzed)
            {
                string? json = null;
                if (jsons is not null)
                {
                    if (!jsons.MoveNext())
                    {
                        throw new InvalidOperationException("the spool of document JSON ended before the documents");
                    }

                    json = jsons.Current;
                }

                var document = original;
                if (redated.TryGetValue(original.Id, out var again))
                {
                    document = again;
                    json = redatedJson[document.Id] = AnalysisJson.DocumentJson(document);
                }

                batch.Add((original, document, json ?? AnalysisJson.DocumentJson(document)));
                if (batch.Count == options.SaveBatch)
                {
                    Flush();
                }
            }

            Flush();
            return (redatedJson, changed);

            void Flush()
            {
                var results = StoreMany(batch, counted);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results[i] is { } result && result != SaveResult.Unchanged)
                    {
                        changed.Add(batch[i].Original);
                    }

                    tick?.Invoke();
                }

                batch.Clear();
            }
        }

        // Saves a batch in one transaction; a document the store or the index refuses is named and left out, and the
        // others are still stored (a refused batch is saved again one document at a time, to find the one at fault).
        // Reports and errors come in the batch's order, as one save a document gave them.
        SaveResult?[] StoreMany(IReadOnlyList<(Document Original, Document Document, string Json)> batch, bool counted)
        {
            var rows = new StoredDocument?[batch.Count];
            var failures = new Exception?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    rows[i] = StoredDocuments.From(batch[i].Document, batch[i].Json);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failures[i] = ex;
                }
            }

            var valid = rows.OfType<StoredDocument>().ToList();
            IReadOnlyList<SaveResult>? saved = null;
            try
            {
                saved = valid.Count > 0 ? store.SaveMany(valid) : [];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Program.DebugTrace(ex);
            }

            var results = new SaveResult?[batch.Count];
            var next = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var document = batch[i].Document;
                if (rows[i] is not { } stored)
                {
                    report.Error($"{document.SourcePath}: {document.Id}: not stored: {Program.OneLine(failures[i]!.Message)}");
                    continue;
                }

                SaveResult result;
                try
                {
                    result = saved is not null ? saved[next++] : store.Save(stored);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    report.Error($"{document.SourcePath}: {document.Id}: not stored: {Program.OneLine(ex.Message)}");
                    continue;
                }

                results[i] = result;
                if (counted)
                {
                    report.Stored(result, document);
                }

                if (result != SaveResult.Unchanged && index is not null)
                {
                    try
                    {
                        index.Upsert(stored);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        report.Error($"{document.SourcePath}: {document.Id}: stored but not indexed ('marsad reindex' retries): {Program.OneLine(ex.Message)}");
                    }
                }
            }

            return results;
        }

        // Each chunk connects its documents through the engine's one run, into the store's knowledge when it keeps some,
        // else into a knowledge base of the run's own; then stores them (a story may have dated them), then applies
        // the change: a run stopped before that leaves them stored and unconnected, and the next run connects them.
        var knowledge = store as IKnowledgeBase ?? new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(knowledge, connector, analyzer) { OnError = onError };
        var sections = options.JsonPath is not null && chunks.Count > 1 ? new RunSections() : null;
        CorpusSections? single = null;
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        void ConnectAndStore(SpoolMark from, Action? connectedTick, Action? storedTick)
        {
            using var connecting = knowledge.Connecting();
            var connected = run.Prepare(documents);
            if (sections is not null)
            {
                sections.Add(connected);
            }
            else if (options.JsonPath is not null)
            {
                single = connected.ToSections();
            }

            connectedTick?.Invoke();
            var dated = connected.Redated.ToDictionary(d => d.Id, StringComparer.Ordinal);
            foreach (var (id, json) in StoreAll(documents, dated, from, storedTick).Rewritten)
            {
                rewritten[id] = json;
            }

            // Stored members of the stories the chunk touched, dated again by their story: the JSON of those an earlier
            // chunk of this run spooled is written again too.
            var chunkIds = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var others = connected.Redated.Where(d => !chunkIds.Contains(d.Id)).ToList();
            foreach (var (id, json) in StoreAll(others, others.ToDictionary(d => d.Id, StringComparer.Ordinal), null, null, counted: false).Rewritten)
            {
                if (runIds.Contains(id))
                {
                    rewritten[id] = json;
                }
            }

            knowledge.Apply(connected.Change);
        }

        void RunChunks(Action? analyzed, Action? connected, Action? stored)
        {
            foreach (var chunk in chunks)
            {
                var from = spool.Mark();
                AnalyzeAll(chunk, analyzed);
                ConnectAndStore(from, connected, stored);
                documents.Clear();
            }
        }

        if (!options.Quiet && count >= ProgressThreshold)
        {
            err.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var analyzing = ctx.AddTask("analyzing", maxValue: count);
                    var connecting = ctx.AddTask("connecting", maxValue: chunks.Count);
                    var storing = ctx.AddTask("storing", maxValue: count);
                    RunChunks(() => analyzing.Increment(1), () => connecting.Increment(1), () => storing.Increment(1));
                    storing.Value = storing.MaxValue;
                });
        }
        else
        {
            RunChunks(null, null, null);
        }

        if (index is not null)
        {
            // What this run indexed is committed with the store's mark, so the next follower (serve, search) starts
            // after it; documents others wrote meanwhile are indexed too.
            try
            {
                index.CatchUp(store);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException
                                           or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                index.Commit();
                AnalyzeReport.Warn($"search index {index.Description} not brought up to date with the store ({Program.OneLine(ex.Message)}); 'marsad search' catches up later");
            }
        }

        if (options.JsonPath is not null)
        {
            var jsons = spool.Read().Zip(spooled, (json, id) => rewritten.GetValueOrDefault(id) ?? json);
            WriteJson(options.JsonPath, jsons, sections?.ToSections() ?? single!);
        }

        if (!options.Quiet)
        {
            // With the JSON on standard output, the summary goes to standard error.
            report.Print(options.JsonPath == "-" ? err : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }), store.Description);
        }

        return report.Failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>
    /// The run's articles in chunks of at most <paramref name="size"/>: one chunk in input order when they fit, else in
    /// order of publication (undated last) and id, so that each chunk reaches only the stories at its dates' edges and the run
    /// holds one chunk's documents, not the whole input's. Stories do not depend on the order documents come in.
    /// </summary>
    internal static List<RawArticle[]> Chunks(RawArticle[] articles, int size)
    {
        if (articles.Length <= size)
        {
            return [articles];
        }

        // By date, then id: the order the story clusterer takes documents in.
        var ordered = articles.OrderBy(a => a.Published ?? DateOnly.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
        return [.. ordered.Chunk(size)];
    }

    private static IDocumentStore OpenStore(string path)
    {
        try
        {
            var store = StoreFactory.Open(path);
            if (store.Migrated is { } migrated)
            {
                // The documents an older version stored are connected by this run (they are unconnected now).
                Console.Error.WriteLine("marsad: " + migrated);
            }

            return store;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or FormatException or ArgumentException
                                       or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new StoreOpenException($"cannot open the store {StoreFactory.Redact(path)}: {Program.OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// The search index, updated as documents are stored; null with --no-index. An index that cannot be opened (another
    /// process writes it) costs a warning, not the run: `marsad reindex` catches up from the store.
    /// </summary>
    private static Marsad.Storage.Search.DocumentIndex? OpenIndex(AnalyzeOptions options)
    {
        if (options.NoIndex)
        {
            return null;
        }

        var path = options.IndexPath ?? StoreFactory.DefaultIndexPath(options.DbPath);
        try
        {
            var index = Marsad.Storage.Search.DocumentIndex.Open(path);
            index.Skipped = IndexWarnings.Skipped;
            return index;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            AnalyzeReport.Warn($"search index {path} not updated ({Program.OneLine(ex.Message)}); run 'marsad reindex' later");
            return null;
        }
    }

    private static List<RawArticle> Read(AnalyzeOptions options, AnalyzeReport report)
    {
        var articles = new List<RawArticle>();
        foreach (var outcome in ArticleReader.ReadAll(options.Inputs))
        {
            foreach (var warning in outcome.Warnings)
            {
                AnalyzeReport.Warn(warning.ToString());
            }

            if (outcome.Article is { } article)
            {
                articles.Add(article);
                report.Read(article);
            }
            else if (outcome.Error is { } error)
            {
                report.Skipped(error);
            }
        }

        return articles;
    }

    /// <summary>The spool goes beside the JSON output (the disk meant for it), else to the temporary directory.</summary>
    private static string SpoolDirectory(string? jsonPath)
    {
        var dir = jsonPath is null or "-" ? null : Path.GetDirectoryName(Path.GetFullPath(jsonPath));
        return !string.IsNullOrEmpty(dir) && Directory.Exists(dir) ? dir : Path.GetTempPath();
    }

    private static void WriteJson(string path, IEnumerable<string> documents, CorpusSections corpus)
    {
        if (path == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            AnalysisJson.WriteAnalysis(stdout, documents, corpus);
            return;
        }

        // Write beside the target and move into place, so a failed run never leaves half a file.
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var temp = full + ".tmp";
        using (var stream = File.Create(temp))
        {
            AnalysisJson.WriteAnalysis(stream, documents, corpus);
        }

        File.Move(temp, full, overwrite: true);
    }
}

/// <summary>The store could not be opened: nothing can be stored, so the run stops before reading.</summary>
internal sealed class StoreOpenException(string message, Exception inner) : Exception(message, inner);
