using System.Text.Json;
using Marsad.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Marsad.Tests.Robustness;

/// <summary>
/// Readers beside a writer on one SQLite store (WAL): while <c>marsad analyze</c> stores documents, a reader in this
/// process and <c>marsad stories</c> processes read the same file. No reader sees an error or half a document, and the
/// number of documents a reader sees never goes down.
/// </summary>
public class ConcurrentReadTests(ITestOutputHelper output)
{
    private const int Articles = 300;

    [Fact]
    public void ReadersBesideTheWriterSeeNoErrorsAndNoTornDocuments()
    {
        using var tmp = new TempDir();
        var input = tmp.File("in");
        GeneratedArticles.Write(input, Articles, seed: 11);
        var db = tmp.File("m.db");

        var snapshots = new List<int>();
        var stories = new List<MarsadProcess.Result>();
        using (var writer = MarsadProcess.Start("analyze", input, "--db", db, "--quiet"))
        {
            MarsadProcess? reader = null;
            try
            {
                while (!writer.HasExited)
                {
                    if (File.Exists(db))
                    {
                        snapshots.Add(ReadAll(db));
                    }

                    // One `marsad stories` at a time, started again as soon as the last one is done.
                    if (reader is null || reader.HasExited)
                    {
                        if (reader is not null)
                        {
                            stories.Add(reader.WaitForExit(TimeSpan.FromMinutes(2)));
                            reader.Dispose();
                        }

                        reader = File.Exists(db) ? MarsadProcess.Start("stories", "--db", db, "--json") : null;
                    }

                    Thread.Sleep(5);
                }

                var result = writer.WaitForExit(TimeSpan.FromMinutes(5));
                Assert.True(result.ExitCode == 0, result.Stderr);
                if (reader is not null)
                {
                    stories.Add(reader.WaitForExit(TimeSpan.FromMinutes(2)));
                }
            }
            finally
            {
                reader?.Dispose();
            }
        }

        snapshots.Add(ReadAll(db));
        output.WriteLine($"{snapshots.Count} in-process reads, {snapshots.Count(n => n is > 0 and < Articles)} of them mid-write; {stories.Count} 'marsad stories' runs");
        Assert.Equal(Articles, snapshots[^1]);
        Assert.Contains(snapshots, n => n is > 0 and < Articles);
        for (var i = 1; i < snapshots.Count; i++)
        {
            Assert.True(snapshots[i] >= snapshots[i - 1], $"read {i} saw {snapshots[i]} documents after {snapshots[i - 1]}");
        }

        Assert.NotEmpty(stories);
        foreach (var run in stories)
        {
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal("", run.Stderr);
            using var json = JsonDocument.Parse(run.Stdout);
        }
    }

    /// <summary>Reads every document in one statement (one snapshot) and checks each is whole; returns how many.</summary>
    private static int ReadAll(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = db,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'";
        if (Convert.ToInt32(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, text, json, content_hash FROM documents";
        using var reader = select.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            using var json = JsonDocument.Parse(reader.GetString(2));
            Assert.Equal(reader.GetString(0), json.RootElement.GetProperty("id").GetString());
            Assert.Equal(reader.GetString(1), json.RootElement.GetProperty("text").GetString());
            Assert.Equal(reader.GetString(3), json.RootElement.GetProperty("contentHash").GetString());
            count++;
        }

        return count;
    }
}
