using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Storage;

/// <summary>The queue's promises: exclusive claims, lease expiry, no commit after a lost lease, poison jobs stop.</summary>
public sealed class PostgresJobQueueTests : IDisposable
{
    private PostgresTestDatabase? _database;

    private PostgresJobQueue OpenQueue()
    {
        _database ??= PostgresTestDatabase.Create();
        return PostgresJobQueue.Open(_database.ConnectionString);
    }

    private static RawArticle Article(string id) => new()
    {
        Id = id,
        SourcePath = "/in/" + id + ".txt",
        Kind = SourceKind.Text,
        Content = "خبر " + id,
        Published = new DateOnly(2024, 1, 24),
    };

    [SkippableFact]
    public void ArticleRoundTripsThroughTheQueue()
    {
        using var queue = OpenQueue();
        var batch = queue.Enqueue([Article("a")]);
        var job = queue.Claim("w1", TimeSpan.FromMinutes(1))!;
        Assert.Equal(Article("a"), job.Article);
        Assert.Equal(batch, job.Batch);
        Assert.Equal(1, job.Attempts);
        Assert.Equal([Article("a")], queue.Batch(batch));
    }

    [SkippableFact]
    public void ConcurrentClaimsNeverShareAJob()
    {
        using var queue = OpenQueue();
        queue.Enqueue(Enumerable.Range(0, 60).Select(i => Article($"d{i:D2}")));
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, w =>
        {
            while (queue.Claim("w" + w, TimeSpan.FromMinutes(1)) is { } job)
            {
                claimed.Add(job.Article.Id);
            }
        });
        Assert.Equal(60, claimed.Count);
        Assert.Equal(60, claimed.Distinct().Count());
    }

    [SkippableFact]
    public void ExpiredLeaseGoesToAnotherWorker()
    {
        using var queue = OpenQueue();
        queue.Enqueue([Article("a")]);
        var first = queue.Claim("w1", TimeSpan.FromMilliseconds(200))!;
        Assert.Null(queue.Claim("w2", TimeSpan.FromMinutes(1)));
        Thread.Sleep(400);
        var second = queue.Claim("w2", TimeSpan.FromMinutes(1));
        Assert.NotNull(second);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
    }

    [SkippableFact]
    public void WorkerThatLostItsLeaseCommitsNothing()
    {
        using var queue = OpenQueue();
        queue.Enqueue([Article("a")]);
        var slow = queue.Claim("slow", TimeSpan.FromMilliseconds(200))!;
        Thread.Sleep(400);
        var fast = queue.Claim("fast", TimeSpan.FromMinutes(1))!;
        Assert.Equal(SaveResult.Inserted, queue.Complete(fast, DocumentStoreContract.Doc("a", "h", "نص")));
        Assert.Null(queue.Complete(slow, DocumentStoreContract.Doc("a", "h", "نص آخر")));
        Assert.False(queue.Renew(slow, TimeSpan.FromMinutes(1)));
        Assert.Equal("نص", queue.Store.Get("a")!.Text);
        Assert.Equal(new QueueCounts(0, 0, 1, 0), queue.Counts());
    }

    [SkippableFact]
    public void RenewedLeaseIsNotTaken()
    {
        using var queue = OpenQueue();
        queue.Enqueue([Article("a")]);
        var job = queue.Claim("w1", TimeSpan.FromMilliseconds(300))!;
        Assert.True(queue.Renew(job, TimeSpan.FromMinutes(1)));
        Thread.Sleep(500);
        Assert.Null(queue.Claim("w2", TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public void JobThatKeepsKillingWorkersIsFailed()
    {
        using var queue = OpenQueue();
        queue.Enqueue([Article("a")]);
        for (var i = 0; i < PostgresJobQueue.MaxAttempts; i++)
        {
            Assert.NotNull(queue.Claim("w" + i, TimeSpan.FromMilliseconds(50)));
            Thread.Sleep(120);
        }

        Assert.Null(queue.Claim("last", TimeSpan.FromMinutes(1)));
        Assert.Equal(new QueueCounts(0, 0, 0, 1), queue.Counts());
    }

    [SkippableFact]
    public void FailedJobIsNotRetried()
    {
        using var queue = OpenQueue();
        queue.Enqueue([Article("a")]);
        Assert.True(queue.Fail(queue.Claim("w1", TimeSpan.FromMinutes(1))!, "bad input"));
        Assert.Null(queue.Claim("w2", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, queue.Counts().Failed);
    }

    [SkippableFact]
    public void CorpusStepRunsInOneProcessAtATime()
    {
        using var queue = OpenQueue();
        using var other = PostgresJobQueue.Open(_database!.ConnectionString);
        var inside = 0;
        var overlapped = false;
        Parallel.For(0, 4, i =>
        {
            var q = i % 2 == 0 ? queue : other;
            q.RunExclusive("stories", () =>
            {
                overlapped |= Interlocked.Increment(ref inside) > 1;
                Thread.Sleep(50);
                Interlocked.Decrement(ref inside);
            });
        });
        Assert.False(overlapped);

        queue.RunExclusive("stories", () => Assert.False(other.RunExclusive("stories", () => { }, wait: false)));
        Assert.True(other.RunExclusive("stories", () => { }, wait: false));
    }

    public void Dispose() => _database?.Dispose();
}
