using System.Text.Json;
using Marsad.Tests.Support;

namespace Marsad.Tests.Search;

/// <summary>The search and reindex commands end to end: analyze a folder, then search it as a user would.</summary>
public sealed class SearchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-search-cli-").FullName;

    private string Db => Path.Combine(_dir, "m.db");

    public SearchCommandTests()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.jsonl"), string.Join('\n',
            """{"id":"books","title":"معرض الكتاب","outlet":"وكالة الأنباء","published":"2024-01-10","text":"افتتح الوزير معرض الكتاب السنوي في العاصمة. وتحدث عن القراءة وبالكتاب يبدأ كل شيء جميل في حياة الناس."}""",
            """{"id":"forces","title":"انسحاب القوات","outlet":"Al Arabiya","published":"2024-02-01","text":"أعلن المتحدث العسكري انسحاب القوات من المدينة بعد أسبوع من المعارك العنيفة التي شهدتها الأحياء الشرقية."}""",
            """{"id":"strike","title":"هجوم بطائرة مسيرة","outlet":"Al Arabiya","published":"2024-03-05","text":"استهدف هجوم بطائرة مسيرة رتلا للقوات قرب الحدود، وقال مسؤول إن الهجوم لم يسفر عن إصابات بين الجنود."}"""));
        var run = CliRunner.Run("analyze", inputs, "--db", Db, "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public void AnalyzeUpdatesTheIndexBesideTheDatabase()
    {
        Assert.True(Directory.Exists(Db + ".index"));
        var run = CliRunner.Run("search", "وللقوات", "--db", Db);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("انسحاب", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 of 2 results", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonHasRankedHitsWithHighlights()
    {
        var run = CliRunner.Run("search", "كتاب", "--db", Db, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal("books", hit.GetProperty("id").GetString());
        var snippet = hit.GetProperty("snippet").GetString()!;
        var marked = hit.GetProperty("highlights").EnumerateArray()
            .Select(h => snippet[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()]).ToList();
        Assert.Contains("وبالكتاب", marked);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void FiltersNarrowTheResults()
    {
        var run = CliRunner.Run("search", "القوات", "--db", Db, "--json", "--from", "2024-03", "--outlet", "al arabiya");
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["strike"], json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public void SearchRebuildsADeletedIndexFromTheStore()
    {
        Directory.Delete(Db + ".index", recursive: true);
        var run = CliRunner.Run("search", "كتاب", "--db", Db);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("caught up with the store: 3 document(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("معرض الكتاب", run.Stdout, StringComparison.Ordinal);

        var again = CliRunner.Run("search", "كتاب", "--db", Db);
        Assert.DoesNotContain("caught up", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentsStoredWithoutTheIndexAreFound()
    {
        var more = Directory.CreateDirectory(Path.Combine(_dir, "more")).FullName;
        File.WriteAllText(Path.Combine(more, "b.jsonl"),
            """{"id":"port","title":"افتتاح الميناء","outlet":"وكالة الأنباء","published":"2024-04-02","text":"افتتح رئيس الوزراء الميناء الجديد على الساحل بحضور وفود من دول الجوار وممثلي شركات الملاحة."}""");
        var analyze = CliRunner.Run("analyze", more, "--db", Db, "--quiet", "--no-index");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);

        var run = CliRunner.Run("search", "الميناء", "--db", Db, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("port", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public void ReindexRebuildsTheIndex()
    {
        var reindex = CliRunner.Run("reindex", "--db", Db);
        Assert.True(reindex.ExitCode == 0, reindex.Stderr);
        Assert.Contains("indexed 3 documents", reindex.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("search", "كتاب", "--db", Db).ExitCode);
    }

    [Fact]
    public void BadFilterValuesAreUsageErrors()
    {
        Assert.Equal(2, CliRunner.Run("search", "x", "--db", Db, "--type", "party").ExitCode);
        Assert.Equal(2, CliRunner.Run("search", "x", "--db", Db, "--from", "yesterday").ExitCode);
        Assert.Equal(2, CliRunner.Run("search", "--db", Db).ExitCode);
    }

    [Fact]
    public void WorkerNeedsPostgres()
    {
        var run = CliRunner.Run("worker", "--db", Db);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PostgreSQL", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
    }
}
