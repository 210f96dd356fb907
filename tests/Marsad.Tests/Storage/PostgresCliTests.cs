using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Storage;

/// <summary>The commands against PostgreSQL, as a user would run them: analyze into it, index from it, search.</summary>
public sealed class PostgresCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-pg-cli-").FullName;
    private PostgresTestDatabase? _database;

    [SkippableFact]
    public void AnalyzeReindexAndSearchOverPostgres()
    {
        _database = PostgresTestDatabase.Create();
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "انسحاب القوات\n\nأعلن المتحدث العسكري انسحاب القوات من المدينة بعد أسبوع من المعارك العنيفة في الأحياء الشرقية.\n");
        File.WriteAllText(Path.Combine(inputs, "b.txt"), "معرض الكتاب\n\nافتتح الوزير معرض الكتاب السنوي في العاصمة وسط إقبال كبير من القراء والناشرين العرب.\n");
        var index = Path.Combine(_dir, "index");

        var analyze = CliRunner.Run("analyze", inputs, "--db", _database.ConnectionString, "--index", index, "--quiet");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);
        using (var store = StoreFactory.Open(_database.ConnectionString))
        {
            Assert.Equal(2, store.Count());
        }

        Directory.Delete(index, recursive: true);
        var reindex = CliRunner.Run("reindex", "--db", _database.ConnectionString, "--index", index);
        Assert.True(reindex.ExitCode == 0, reindex.Stderr);
        Assert.Contains("indexed 2 documents from PostgreSQL", reindex.Stdout, StringComparison.Ordinal);

        var search = CliRunner.Run("search", "والكتاب", "--index", index, "--json");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("\"id\": \"b\"", search.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NulAndLongIdAreQueuedAndStoredAndServeTakesTheUri()
    {
        _database = PostgresTestDatabase.Create();
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        var longId = "https://example.org/" + new string('x', 5000);
        File.WriteAllText(Path.Combine(inputs, "feed.jsonl"),
            System.Text.Json.JsonSerializer.Serialize(new { id = "nul", title = "اجتماع\u0000", text = "بدأ الاجتماع\u0000" + new string('ن', 3000) + " في بغداد" }) + "\n"
            + System.Text.Json.JsonSerializer.Serialize(new { id = longId, title = "طويل", text = "نص خبر عادي عن الاجتماع في عمان." }) + "\n");

        var enqueue = CliRunner.Run("enqueue", inputs, "--db", _database.ConnectionString);
        Assert.True(enqueue.ExitCode == 0, enqueue.Stderr);
        var worker = CliRunner.Run("worker", "--db", _database.ConnectionString, "--drain", "--quiet");
        Assert.True(worker.ExitCode == 0, worker.Stderr);
        using var store = StoreFactory.Open(_database.ConnectionString);
        Assert.Equal(2, store.Count());
        Assert.EndsWith("في بغداد", store.Get("nul")!.Text, StringComparison.Ordinal);
        Assert.NotNull(store.Get(Marsad.Model.DocumentIds.Bound(longId)));

        // Every command that reads the store takes the same --db.
        var stories = CliRunner.Run("stories", "--db", _database.ConnectionString);
        Assert.True(stories.ExitCode == 0, stories.Stderr);
        Assert.Contains("2 documents", stories.Stdout, StringComparison.Ordinal);
        ServeAnswersFromPostgresWithoutShowingThePassword(_database.ConnectionString);
    }

    private static void ServeAnswersFromPostgresWithoutShowingThePassword(string connection)
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var serve = Marsad.Tests.Robustness.MarsadProcess.Start("serve", "--db", connection, "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string? stats = null;
        for (var i = 0; i < 120 && stats is null && !serve.HasExited; i++)
        {
            try
            {
                stats = client.GetStringAsync("/api/stats").GetAwaiter().GetResult();
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(500);
            }
        }

        serve.Kill();
        var run = serve.WaitForExit(TimeSpan.FromSeconds(30));
        Assert.True(stats is not null, run.Stderr);
        Assert.Contains("\"documents\":2", stats, StringComparison.Ordinal);
        Assert.Contains("serving 2 documents", run.Stderr, StringComparison.Ordinal);
        var password = new Npgsql.NpgsqlConnectionStringBuilder(connection).Password;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.DoesNotContain("Password=" + password, run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Password=***", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _database?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
