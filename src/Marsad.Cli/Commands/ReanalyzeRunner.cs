using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Storage.Knowledge;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// One <c>reanalyze</c>: every stored document is annotated again by this engine and connected again, oldest first, in
/// batches, into a shadow store (<see cref="ShadowStore"/>); when the shadow holds every document it replaces the store.
/// Rules:
/// <list type="bullet">
/// <item>readers (serve, search, export) keep the old knowledge until the shadow is promoted;</item>
/// <item>each document is stored in the shadow in its own transaction, then its batch is connected in one; a killed run
/// resumes where it stopped: documents already in the shadow are skipped, and those stored but not connected are
/// connected by the next batch (<see cref="KnowledgeRun"/> takes them in);</item>
/// <item>documents analyzed into the store while this runs are caught up before the promotion; a shadow left by a
/// stopped run is finished by the next <c>reanalyze</c>, whatever the versions;</item>
/// <item>the text is not cleaned again (the store keeps the cleaned text and what the cleaner removed);</item>
/// <item>what no analysis derives again (watchlists, alerts and their outbox, the watcher's sources and the addresses it
/// met) is carried into the shadow (<see cref="ShadowCarry"/>) at the start and again just before the promotion.</item>
/// </list>
/// </summary>
internal sealed class ReanalyzeRunner(string db, int batch, bool force, bool quiet)
{
    /// <summary>Catch-up rounds for documents that arrive while the shadow is written; more means a writer never pauses.</summary>
    private const int CatchUpRounds = 5;

    private int _failed;

    public int Run()
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var shown = StoreFactory.Redact(db);
        using (var source = StoreFactory.Open(db))
        {
            var stats = source.Stats();
            // A shadow left by a stopped run is always finished: the store it will replace is half re-analyzed there.
            if (!force && !ShadowStore.Exists(db) && stats.Unconnected == 0 && stats.EngineVersions.All(v => v == DocumentAnalyzer.Version))
            {
                Console.Error.WriteLine($"marsad: {shown}: every document is analyzed by this engine ({DocumentAnalyzer.Version}) and connected; nothing to do (--force re-analyzes anyway)");
                return ExitCodes.Success;
            }

            var shadowDb = ShadowStore.Prepare(db);
            using var shadow = StoreFactory.Open(shadowDb);
            // What no analysis derives again goes with the knowledge (watchlists, alerts, the outbox, the watcher's state):
            // the new store raises again only the alerts it lacks.
            ShadowCarry.Copy(source, shadow);
            var run = new KnowledgeRun(shadow, CorpusAnalyzer.Default, DocumentAnalyzer.Default)
            {
                OnError = (annotator, doc, ex) => Error($"{doc.Id}: annotator '{annotator.Name}' failed: {Program.OneLine(ex.Message)}"),
            };
            var done = 0;
            for (var round = 0; round < CatchUpRounds; round++)
            {
                var todo = OldestFirst(source).Where(id => shadow.GetContentHash(id) is null).ToList();
                if (todo.Count == 0)
                {
                    break;
                }

                done += Reanalyze(source, shadow, run, todo, quiet || round > 0 ? null : err);
            }

            // The shadow replaces the store only when it holds every document: a document it lacks would be lost.
            var missing = OldestFirst(source).Count(id => shadow.GetContentHash(id) is null);
            if (missing > 0)
            {
                Console.Error.WriteLine($"marsad: {shown}: {missing:N0} documents could not be re-analyzed (named above); the store is unchanged and the work done is kept for the next 'marsad reanalyze'");
                return ExitCodes.Failure;
            }

            // Again, as late as can be: the watcher and the deliverer kept writing the store meanwhile.
            ShadowCarry.Copy(source, shadow);
            Console.Error.WriteLine($"marsad: {shown}: {done:N0} documents re-analyzed by {DocumentAnalyzer.Version}; {shadow.Count():N0} in the new store");
        }

        ShadowStore.Promote(db);
        Console.Error.WriteLine($"marsad: {shown} now holds the new knowledge");
        return _failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Every stored document id, oldest publication first, undated last (stories form in date order).</summary>
    private static List<string> OldestFirst(IKnowledgeReader store)
    {
        var rows = KnowledgeReaders.All(store.Documents, new KnowledgeQuery { Limit = KnowledgeQuery.MaxLimit }).Select(r => (r.Id, r.Published)).ToList();
        return [.. rows.OrderBy(r => r.Published is null).ThenBy(r => r.Published, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id)];
    }

    private int Reanalyze(IKnowledgeStore source, IKnowledgeStore shadow, KnowledgeRun run, List<string> todo, IAnsiConsole? progress)
    {
        if (progress is null)
        {
            return Batches(source, shadow, run, todo, null);
        }

        var count = 0;
        progress.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("re-analyzing", maxValue: todo.Count);
                count = Batches(source, shadow, run, todo, n => task.Increment(n));
            });
        return count;
    }

    private int Batches(IKnowledgeStore source, IKnowledgeStore shadow, KnowledgeRun run, List<string> todo, Action<int>? tick)
    {
        var pipeline = DocumentAnalyzer.Default.Pipeline;
        var count = 0;
        foreach (var ids in todo.Chunk(batch))
        {
            var order = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var documents = source.Documents(ids).OrderBy(d => order[d.Id]).ToList();
            // The pipeline is thread-safe and order-independent, so every core annotates.
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d =>
            {
                if (d.Language == "ar")
                {
                    pipeline.Run(d);
                }
            });

            var stored = new List<Document>(documents.Count);
            foreach (var d in documents)
            {
                if (Save(shadow, d))
                {
                    stored.Add(d);
                }
            }

            foreach (var d in run.Connect(stored).Redated)
            {
                Save(shadow, d);
            }

            count += documents.Count;
            tick?.Invoke(ids.Length);
        }

        return count;
    }

    private bool Save(IKnowledgeStore shadow, Document d)
    {
        try
        {
            shadow.Save(StoredDocuments.From(d, AnalysisJson.DocumentJson(d)));
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Error($"{d.Id}: not stored: {Program.OneLine(ex.Message)}");
            return false;
        }
    }

    private void Error(string message)
    {
        Interlocked.Increment(ref _failed);
        Console.Error.WriteLine("marsad: " + message);
    }
}
