using System.Diagnostics;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Marsad.Tests.Robustness;

/// <summary>
/// <c>marsad analyze</c> killed with SIGKILL at random moments, again and again, over the same store: the database
/// always opens and passes its integrity check, holds only whole documents, and a last run stores the rest once.
/// </summary>
public class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Articles = 200;

    /// <summary>Documents per transaction (<c>analyze --batch</c>): small, so that storing lasts long enough for a kill to
    /// land between two transactions whatever the speed of the machine.</summary>
    private const string Batch = "2";
    private const int Kills = 6;

    [Fact]
    public void KilledRunsLeaveWholeDocumentsAndARerunCompletesTheRest()
    {
        using var tmp = new TempDir();
        var input = tmp.File("in");
        GeneratedArticles.Write(input, Articles);

        // An uninterrupted run gives the reference documents and how long a run takes.
        var watch = Stopwatch.StartNew();
        var reference = MarsadProcess.Run("analyze", input, "--db", tmp.File("reference.db"), "--quiet");
        var full = watch.Elapsed;
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        var expected = Read(tmp.File("reference.db")).ToDictionary(d => d.Id, StringComparer.Ordinal);
        Assert.Equal(Articles, expected.Count);

        var seed = Environment.TickCount;
        var random = new Random(seed);
        var db = tmp.File("crash.db");
        var killedMidStore = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            // Even kills land while documents are being stored, once a random number of them is in (read from the store
            // beside the writer); odd ones at a random moment of the run (the reference run is the slowest, being the first).
            var before = Count(db);
            var target = before + 1 + random.Next(Math.Max(1, Articles - before - 1));
            var deadline = full * (0.1 + (0.6 * random.NextDouble()));
            var sinceStart = Stopwatch.StartNew();
            int? killedAt = null;
            using (var run = MarsadProcess.Start("analyze", input, "--db", db, "--batch", Batch, "--quiet"))
            {
                while (!run.HasExited)
                {
                    if (kill % 2 == 1 ? sinceStart.Elapsed >= deadline : Count(db) >= target)
                    {
                        run.Kill();
                        killedAt = Count(db);
                        break;
                    }

                    Thread.Sleep(2);
                }
            }

            var stored = Read(db);
            killedMidStore += stored.Count > before && stored.Count < Articles ? 1 : 0;
            output.WriteLine($"seed {seed}: kill {kill + 1} after {sinceStart.Elapsed.TotalSeconds:F2} s (a full run takes {full.TotalSeconds:F2} s): " +
                             $"{(killedAt is null ? "finished first" : "killed")}, {before} → {stored.Count} documents stored");
            AssertWhole(stored, expected, seed);
            if (stored.Count >= Articles - 1)
            {
                if (killedMidStore > 0)
                {
                    break;
                }

                // Every document was stored before the kill (storing is the run's short last step): start a fresh store.
                db = tmp.File($"crash-{kill + 1}.db");
            }
        }

        Assert.True(killedMidStore > 0, $"seed {seed}: no kill landed while documents were being stored");
        var rerun = MarsadProcess.Run("analyze", input, "--db", db, "--quiet");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        var final = Read(db);
        Assert.Equal(Articles, final.Count);
        Assert.Equal(final.Count, final.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        AssertWhole(final, expected, seed);
    }

    /// <summary>The number of stored documents, read beside the writer (0 before the store exists).</summary>
    internal static int Count(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM documents";
            return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The writer is still creating the schema.
            return 0;
        }
    }

    /// <summary>Opens the store the way the next run would, after checking the file's integrity.</summary>
    private static List<StoredDocument> Read(string db)
    {
        if (!File.Exists(db))
        {
            return [];
        }

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar() as string);
        }

        using var store = SqliteDocumentStore.Open(db);
        return store.All().ToList();
    }

    private static void AssertWhole(List<StoredDocument> stored, Dictionary<string, StoredDocument> expected, int seed)
    {
        foreach (var doc in stored)
        {
            Assert.True(expected.TryGetValue(doc.Id, out var want), $"seed {seed}: unexpected document {doc.Id}");
            using var json = JsonDocument.Parse(doc.Json);
            Assert.Equal(doc.Id, json.RootElement.GetProperty("id").GetString());
            Assert.Equal(doc.Text, json.RootElement.GetProperty("text").GetString());
            Assert.Equal(want.Text, doc.Text);
            Assert.Equal(want.Json, doc.Json);
            Assert.Equal(want.ContentHash, doc.ContentHash);
        }
    }
}
