using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Marsad.Analysis;
using Marsad.Model;
using Marsad.Storage;
using Npgsql;

namespace Marsad.Bench;

/// <summary>
/// Queue workers over PostgreSQL (MARSAD_TEST_PG, e.g. from .ci/postgres.sh): <see cref="ArticleCount"/> corpus articles
/// are queued in a fresh schema before each iteration, then <see cref="Workers"/> workers (threads, each with its own
/// connections, as separate processes would have) drain the queue. Documents/s = <see cref="ArticleCount"/> / mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class WorkerBenchmarks
{
    private List<RawArticle> _articles = [];
    private string _server = "";
    private string _schema = "";

    [Params(1000)]
    public int ArticleCount { get; set; }

    [Params(1, 2, 4)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = Environment.GetEnvironmentVariable("MARSAD_TEST_PG")
            ?? throw new InvalidOperationException("set MARSAD_TEST_PG to a PostgreSQL connection string (see .ci/postgres.sh)");
        _articles = SearchCorpus.Load(ArticleCount).Select(d => new RawArticle
        {
            Id = d.Id,
            SourcePath = "corpus/" + d.Id,
            Kind = SourceKind.Text,
            Content = (d.Title is null ? "" : d.Title + "\n\n") + d.Text,
            Outlet = d.Outlet,
        }).ToList();
        _ = DocumentAnalyzer.Default;
    }

    [IterationSetup]
    public void Enqueue()
    {
        _schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE SCHEMA {_schema}");
        using var queue = PostgresJobQueue.Open(Connection);
        queue.Enqueue(_articles);
    }

    [Benchmark]
    public int Drain()
    {
        var done = 0;
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, w =>
        {
            using var queue = PostgresJobQueue.Open(Connection);
            var options = new QueueWorkerOptions { Owner = "bench" + w, Drain = true, Poll = TimeSpan.FromMilliseconds(50) };
            var report = new QueueWorker(queue, DocumentAnalyzer.Default, options).Run(CancellationToken.None);
            Interlocked.Add(ref done, report.Completed);
        });
        return done;
    }

    [IterationCleanup]
    public void DropSchema()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA {_schema} CASCADE");
    }

    private string Connection => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
