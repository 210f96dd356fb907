using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Robustness;

/// <summary>
/// One hostile article must not stop the rest, end to end through the commands: an immense word, a NUL, a very long id,
/// two index writers at once, a query past the clause limit. Every input is built here.
/// </summary>
public sealed class HostileStoreInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-hostile-store-").FullName;

    private string Db => Path.Combine(_dir, "m.db");

    [Fact]
    public void ImmenseWordIsStoredIndexedReindexedAndSearched()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a-long.txt"), "معرض الكتاب\n\nافتتح الوزير " + new string('ب', 16_384) + " معرض الكتاب السنوي في العاصمة.\n");
        File.WriteAllText(Path.Combine(inputs, "b-after.txt"), "انسحاب القوات\n\nأعلن المتحدث العسكري انسحاب القوات من المدينة بعد أسبوع من المعارك.\n");

        var analyze = CliRunner.Run("analyze", inputs, "--db", Db);
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        Assert.Contains("b-after", Search("القوات").Stdout, StringComparison.Ordinal);
        Assert.Contains("a-long", Search("الكتاب").Stdout, StringComparison.Ordinal);

        var reindex = CliRunner.Run("reindex", "--db", Db);
        Assert.True(reindex.ExitCode == 0, reindex.Stderr);
        Assert.Contains("indexed 2 documents", reindex.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NulAndLongIdAreStoredWhole()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        var longId = "https://example.org/" + new string('x', 5000);
        var text = "بدأ الاجتماع\0" + new string('ن', 3000) + " في بغداد";
        File.WriteAllText(Path.Combine(inputs, "feed.jsonl"),
            JsonSerializer.Serialize(new { id = "nul", title = "اجتماع", text }) + "\n" + JsonSerializer.Serialize(new { id = longId, title = "طويل", text = "نص خبر عادي عن الاجتماع في عمان." }) + "\n");

        var analyze = CliRunner.Run("analyze", inputs, "--db", Db, "--json", Path.Combine(_dir, "out.json"));
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        using var store = StoreFactory.Open(Db);
        var nul = store.Get("nul");
        Assert.NotNull(nul);
        Assert.DoesNotContain('\0', nul.Text);
        Assert.EndsWith("في بغداد", nul.Text, StringComparison.Ordinal);
        var bounded = DocumentIds.Bound(longId);
        Assert.True(Encoding.UTF8.GetByteCount(bounded) <= DocumentIds.MaxBytes);
        Assert.NotNull(store.Get(bounded));
    }

    [Fact]
    public void TwoConcurrentReindexRunsLeaveACompleteIndex()
    {
        var inputs = Path.Combine(_dir, "in");
        GeneratedArticles.Write(inputs, 60);
        var analyze = CliRunner.Run("analyze", inputs, "--db", Db, "--quiet", "--no-index");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);

        using var first = MarsadProcess.Start("reindex", "--db", Db);
        using var second = MarsadProcess.Start("reindex", "--db", Db);
        foreach (var run in new[] { first.WaitForExit(TimeSpan.FromMinutes(3)), second.WaitForExit(TimeSpan.FromMinutes(3)) })
        {
            // The second writer waits for the first, or says in one line that the index is busy.
            Assert.True(run.ExitCode == 0 || (run.ErrorLines.Length == 1 && run.Stderr.Contains("being written by another process", StringComparison.Ordinal)), run.Stderr);
        }

        var search = CliRunner.Run("search", "الوزير", "--db", Db, "--limit", "100", "--json");
        Assert.True(search.ExitCode == 0, search.Stderr);
        Assert.DoesNotContain("warning", search.Stderr, StringComparison.Ordinal);
        using var store = StoreFactory.Open(Db);
        using var index = Marsad.Storage.Search.SearchService.Open(Db + ".index");
        Assert.Equal(store.Count(), index.Count);
    }

    [Fact]
    public void TwoConcurrentAnalyzeRunsLeaveAnIndexSearchCatchesUp()
    {
        GeneratedArticles.Write(Path.Combine(_dir, "one"), 30, seed: 1);
        GeneratedArticles.Write(Path.Combine(_dir, "two"), 30, seed: 2);
        foreach (var f in Directory.GetFiles(Path.Combine(_dir, "two")))
        {
            File.Move(f, Path.Combine(_dir, "two", "second-" + Path.GetFileName(f)));
        }

        using var first = MarsadProcess.Start("analyze", Path.Combine(_dir, "one"), "--db", Db, "--quiet");
        using var second = MarsadProcess.Start("analyze", Path.Combine(_dir, "two"), "--db", Db, "--quiet");
        Assert.Equal(0, first.WaitForExit(TimeSpan.FromMinutes(3)).ExitCode);
        Assert.Equal(0, second.WaitForExit(TimeSpan.FromMinutes(3)).ExitCode);

        var search = CliRunner.Run("search", "الوزير", "--db", Db);
        Assert.True(search.ExitCode == 0, search.Stderr);
        Assert.DoesNotContain("holds", search.Stderr, StringComparison.Ordinal);
        using var store = StoreFactory.Open(Db);
        Assert.Equal(60, store.Count());
        using var index = Marsad.Storage.Search.SearchService.Open(Db + ".index");
        Assert.Equal(60, index.Count);
    }

    [Fact]
    public void SearchOfMoreThanTheClauseLimitIsAUsageErrorInOneLine()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "معرض الكتاب\n\nافتتح الوزير معرض الكتاب السنوي.\n");
        Assert.Equal(0, CliRunner.Run("analyze", inputs, "--db", Db, "--quiet").ExitCode);
        var run = CliRunner.Run(["search", .. Enumerable.Range(0, 1100).Select(i => "ك" + i), "--db", Db]);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("at most", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexBehindTheStoreIsReported()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "معرض الكتاب\n\nافتتح الوزير معرض الكتاب السنوي.\n");
        Assert.Equal(0, CliRunner.Run("analyze", inputs, "--db", Db, "--quiet").ExitCode);

        // Another writer holds the index: search cannot catch it up and says the index lacks documents.
        File.WriteAllText(Path.Combine(inputs, "b.txt"), "انسحاب القوات\n\nأعلن المتحدث انسحاب القوات من المدينة.\n");
        Assert.Equal(0, CliRunner.Run("analyze", inputs, "--db", Db, "--quiet", "--no-index").ExitCode);
        using (var holder = Marsad.Storage.Search.DocumentIndex.Open(Db + ".index"))
        {
            var run = CliRunner.Run("search", "الكتاب", "--db", Db);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("holds 1 of the store's 2 documents", run.Stderr, StringComparison.Ordinal);
        }
    }

    private CliRunner.Result Search(string words) => CliRunner.Run("search", words, "--db", Db);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
