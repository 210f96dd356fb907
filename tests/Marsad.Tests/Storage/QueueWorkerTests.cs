using System.Diagnostics;
using Marsad.Analysis;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Storage;

/// <summary>Workers over the PostgreSQL queue: every document analyzed once, killed workers' jobs recovered, same output as analyze.</summary>
public sealed class QueueWorkerTests : IDisposable
{
    private const int Documents = 24;

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-worker-").FullName;
    private PostgresTestDatabase? _database;

    private string Connection => (_database ??= PostgresTestDatabase.Create()).ConnectionString;

    /// <summary>Short articles of our own; the shared line at the end is the kind of boilerplate the batch context removes.</summary>
    private static RawArticle Article(int i) => new()
    {
        Id = $"doc{i:D2}",
        SourcePath = $"/in/doc{i:D2}.txt",
        Kind = SourceKind.Text,
        Outlet = "وكالة المرصد",
        Content = $"عنوان الخبر رقم {i}\n\nأعلنت وزارة الدفاع يوم الاثنين أن القوات انسحبت من الموقع {i} بعد اشتباكات استمرت ساعات.\n"
            + "وقال المتحدث إن الوضع مستقر وإن التحقيق مستمر في ملابسات الحادث.\n\nتابعونا على قناتنا في تطبيق تلغرام\n",
    };

    private void WriteInputs()
    {
        for (var i = 0; i < Documents; i++)
        {
            File.WriteAllText(Path.Combine(_dir, $"doc{i:D2}.txt"), Article(i).Content);
        }
    }

    [SkippableFact]
    public void TwoWorkersAnalyzeEveryDocumentOnceAsAnalyzeWould()
    {
        using var queue = PostgresJobQueue.Open(Connection);
        var articles = Enumerable.Range(0, Documents).Select(Article).ToList();
        queue.Enqueue(articles);
        var reports = new WorkerReport[2];
        Parallel.For(0, 2, w =>
        {
            using var own = PostgresJobQueue.Open(Connection);
            var options = new QueueWorkerOptions { Owner = "w" + w, Drain = true, Poll = TimeSpan.FromMilliseconds(100) };
            reports[w] = new QueueWorker(own, DocumentAnalyzer.Default, options).Run(CancellationToken.None);
        });

        Assert.Equal(Documents, reports.Sum(r => r.Inserted));
        Assert.All(reports, r => Assert.Equal(0, r.Updated + r.Unchanged + r.Failed + r.Lost));
        Assert.Equal(new QueueCounts(0, 0, Documents, 0), queue.Counts());

        // The same document as a single analyze run over the whole batch makes.
        var context = CleanerContext.Build(articles);
        var expected = StoredDocuments.From(DocumentAnalyzer.Default.Analyze(articles[5], context));
        Assert.Equal(expected.Json, queue.Store.Get(articles[5].Id)!.Json);
    }

    [SkippableFact]
    public void KilledWorkerLosesNoDocumentAndNoneIsAnalyzedTwice()
    {
        var connection = Connection;
        WriteInputs();
        var enqueue = CliRunner.Run("enqueue", _dir, "--db", connection);
        Assert.True(enqueue.ExitCode == 0, enqueue.Stderr);

        using var queue = PostgresJobQueue.Open(connection);

        // The victim holds every job it claims for 30 s before analyzing it: it is surely mid-document when killed.
        using var victim = Start("worker", "--db", connection, "--id", "victim", "--lease", "2", "--claim-pause-ms", "30000");
        var held = WaitFor(() => queue.Jobs().Where(j => j.State == "running").Select(j => j.DocId).ToList() is [var id] ? id : null, TimeSpan.FromSeconds(60));
        victim.Kill(entireProcessTree: true);
        victim.WaitForExit();

        var survivors = Enumerable.Range(0, 2)
            .Select(i => Start("worker", "--db", connection, "--id", "survivor" + i, "--lease", "2", "--poll", "0.2", "--drain"))
            .ToList();
        foreach (var s in survivors)
        {
            Assert.True(s.WaitForExit(TimeSpan.FromMinutes(3)), "a worker did not drain the queue in 3 minutes");
            Assert.Equal(0, s.ExitCode);
            s.Dispose();
        }

        var jobs = queue.Jobs();
        Assert.Equal(Documents, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(("done", "inserted"), (j.State, j.Result)));
        Assert.Equal(2, jobs.Single(j => j.DocId == held).Attempts);
        Assert.Equal(Documents, queue.Store.Count());
        Assert.Equal(Documents, queue.Store.All().Select(d => d.Id).Distinct().Count());
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static T WaitFor<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (probe() is { } value)
            {
                return value;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("the condition did not hold in " + timeout);
    }

    public void Dispose()
    {
        _database?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
