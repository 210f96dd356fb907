using Marsad.Analysis;
using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>
/// One worker process's loop over a <see cref="PostgresJobQueue"/>: claim a job, analyze its article, commit the
/// document together with the job's completion. Rules:
/// <list type="bullet">
/// <item>the article is cleaned with the context of its whole batch (the lines repeated across an outlet's pages), built
/// once per batch from the queue, so a document comes out as <c>marsad analyze</c> of the same inputs would make it,
/// whichever worker takes it and in whatever order;</item>
/// <item>the lease is renewed while a job runs; a worker that lost its lease commits nothing (another worker has it);</item>
/// <item>an exception from the analysis fails that job with its message, the loop goes on; a database error stops the
/// worker (its job's lease then expires and another worker takes it);</item>
/// <item>a stored document is handed to <see cref="OnStored"/> (the engine's run connects it to the knowledge base); if
/// that fails the document stays stored and unconnected, and the next run connects it.</item>
/// </list>
/// </summary>
public sealed class QueueWorker
{
    private readonly PostgresJobQueue _queue;
    private readonly DocumentAnalyzer _analyzer;
    private readonly QueueWorkerOptions _options;
    private readonly Dictionary<Guid, CleanerContext> _contexts = [];

    public QueueWorker(PostgresJobQueue queue, DocumentAnalyzer analyzer, QueueWorkerOptions options)
    {
        _queue = queue;
        _analyzer = analyzer;
        _options = options;
    }

    /// <summary>Called after each job with its document id and outcome ("inserted", "failed: …", "lost").</summary>
    public Action<string, string>? OnJob { get; init; }

    /// <summary>Called with each document stored new or changed, after its job is complete.</summary>
    public Action<Document>? OnStored { get; init; }

    public WorkerReport Run(CancellationToken cancel)
    {
        var report = new WorkerReport();
        while (!cancel.IsCancellationRequested)
        {
            var job = _queue.Claim(_options.Owner, _options.Lease);
            if (job is null)
            {
                if (_options.Drain && _queue.Counts().Pending == 0)
                {
                    break;
                }

                // Jobs may still be running elsewhere: their leases can expire and come back to us.
                cancel.WaitHandle.WaitOne(_options.Poll);
                continue;
            }

            Process(job, report, cancel);
        }

        return report;
    }

    private void Process(QueuedJob job, WorkerReport report, CancellationToken cancel)
    {
        var renewEvery = _options.Lease / 3;
        using var renewal = new Timer(_ => Renew(job), null, renewEvery, renewEvery);
        if (_options.ClaimPause > TimeSpan.Zero)
        {
            cancel.WaitHandle.WaitOne(_options.ClaimPause);
        }

        StoredDocument stored;
        Document document;
        try
        {
            var context = ContextOf(job.Batch);
            document = _analyzer.Analyze(job.Article, context);
            stored = StoredDocuments.From(document);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not Npgsql.NpgsqlException)
        {
            report.Failed++;
            _queue.Fail(job, ex.Message.ReplaceLineEndings(" "));
            OnJob?.Invoke(job.Article.Id, "failed: " + ex.Message.ReplaceLineEndings(" "));
            return;
        }

        renewal.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var result = _queue.Complete(job, stored);
        if (result is { } r)
        {
            report.Add(r);
            OnJob?.Invoke(job.Article.Id, r.ToString().ToLowerInvariant());
            if (r != SaveResult.Unchanged && OnStored is not null)
            {
                try
                {
                    OnStored(document);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not Npgsql.NpgsqlException)
                {
                    OnJob?.Invoke(job.Article.Id, "stored, not connected: " + ex.Message.ReplaceLineEndings(" "));
                }
            }
        }
        else
        {
            report.Lost++;
            OnJob?.Invoke(job.Article.Id, "lost");
        }
    }

    private void Renew(QueuedJob job)
    {
        try
        {
            _queue.Renew(job, _options.Lease);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            // A missed renewal only risks the lease; completion checks ownership anyway.
        }
    }

    private CleanerContext ContextOf(Guid batch)
    {
        if (!_contexts.TryGetValue(batch, out var context))
        {
            context = CleanerContext.Build(_queue.Batch(batch));
            _contexts[batch] = context;
        }

        return context;
    }
}
