using Marsad.Storage;
using Marsad.Storage.Knowledge;
using Marsad.Tests.Support;

namespace Marsad.Tests.Robustness;

/// <summary>
/// <c>marsad reanalyze</c> killed with SIGKILL while it writes its shadow store: the store keeps serving its old
/// knowledge untouched, and the next <c>reanalyze</c> resumes from the shadow and ends with every document re-analyzed,
/// connected, and grouped into the same stories as a run that was never stopped.
/// </summary>
public class ReanalyzeResumeTests
{
    private const int Articles = 120;

    [Fact]
    public void AKilledReanalysisLeavesTheStoreAndResumesWithoutLoss()
    {
        using var tmp = new TempDir();
        var input = tmp.File("in");
        GeneratedArticles.Write(input, Articles);
        var db = tmp.File("m.db");
        var analyzed = MarsadProcess.Run("analyze", input, "--db", db, "--quiet", "--no-index");
        Assert.True(analyzed.ExitCode == 0, analyzed.Stderr);
        var before = Partition(db);
        Assert.Equal(Articles, before.Count);

        // Killed once the shadow holds some documents but not all.
        using (var run = MarsadProcess.Start("reanalyze", "--db", db, "--force", "--batch", "10", "--quiet"))
        {
            while (!run.HasExited && Count(db + ".reanalyze") < 20)
            {
                Thread.Sleep(5);
            }

            Assert.False(run.HasExited, "reanalyze finished before it could be killed");
            run.Kill();
        }

        var shadowed = Count(db + ".reanalyze");
        Assert.InRange(shadowed, 20, Articles - 1);
        Assert.Equal(before, Partition(db));

        // No --force: a stopped re-analysis is always finished.
        var resumed = MarsadProcess.Run("reanalyze", "--db", db, "--batch", "10", "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.False(File.Exists(db + ".reanalyze"));
        using (var store = SqliteDocumentStore.Open(db))
        {
            Assert.Equal(Articles, store.Count());
            Assert.Equal(0, store.Stats().Unconnected);
        }

        Assert.Equal(before, Partition(db));
    }

    /// <summary>Each document's story, as the set of documents it shares a story with (story ids aside).</summary>
    private static Dictionary<string, string> Partition(string db)
    {
        using var store = SqliteDocumentStore.Open(db);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in KnowledgeReaders.All<Marsad.Knowledge.StoryRecord>(store.Stories, new KnowledgeQuery()))
        {
            var members = store.StoryDocuments(story.Id).Order(StringComparer.Ordinal).ToList();
            foreach (var d in members)
            {
                groups[d] = string.Join(',', members);
            }
        }

        foreach (var row in store.All())
        {
            groups.TryAdd(row.Id, "");
        }

        return groups;
    }

    private static int Count(string db) => CrashSafetyTests.Count(db);
}
