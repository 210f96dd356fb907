using System.IO.Compression;
using Marsad.Storage.Knowledge;
using Marsad.Tests.Support;

namespace Marsad.Web.Tests.Support;

/// <summary>
/// A store the size an analyst first meets: the seeds, then ≥ 2,000 articles of the ANT corpus added by a second
/// analyze (every 14th line with a text, so every outlet and month shows), served. Built once per test run. Before the corpus is
/// added it notes the seeds' biggest story (id and title), to show that its permalink still opens it afterwards.
/// </summary>
public sealed class CorpusStore : IAsyncLifetime
{
    public const int Every = 14;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-corpus-store-" + Guid.NewGuid().ToString("N"));

    public TestServer? Server { get; private set; }

    public int Articles { get; private set; }

    /// <summary>The seeds' biggest story as it was before the corpus was added.</summary>
    public (string Id, string Title) SeedStory { get; private set; }

    public TestServer ServerOrFail => Server ?? throw new InvalidOperationException("the corpus is not available: " + SharedData.SkipReason);

    public async Task InitializeAsync()
    {
        if (SharedData.Root is null)
        {
            return;
        }

        Directory.CreateDirectory(_dir);
        var db = Path.Combine(_dir, "corpus.db");
        var open = AnalyzedStore.Analyze(SharedData.SeedsDir, db);
        var reader = open(db);
        try
        {
            var story = KnowledgeReaders.All(reader.Stories, new KnowledgeQuery { Limit = KnowledgeQuery.MaxLimit }).OrderByDescending(s => s.Documents).First();
            SeedStory = (story.Id, story.Title);
        }
        finally
        {
            (reader as IDisposable)?.Dispose();
        }

        var sample = Path.Combine(_dir, "ant-sample.jsonl");
        Articles = await WriteSampleAsync(SharedData.Path("data", "corpus", "ant_v2.1_multisource.jsonl.gz"), sample);
        AnalyzedStore.Analyze(sample, db);
        Server = await TestServer.StartAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A store file still mapped by SQLite on some systems; the temp folder is cleaned later.
        }
    }

    private static async Task<int> WriteSampleAsync(string corpus, string sample)
    {
        await using var input = new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress);
        using var lines = new StreamReader(input);
        await using var output = new StreamWriter(sample);
        var n = 0;
        var written = 0;
        while (await lines.ReadLineAsync() is { } line)
        {
            // The corpus holds a few articles with an empty text, which analyze reports as failures: they are left out.
            if (++n % Every == 0 && HasText(line))
            {
                await output.WriteLineAsync(line);
                written++;
            }
        }

        return written;
    }

    private static bool HasText(string line)
    {
        using var json = System.Text.Json.JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("text", out var text) && !string.IsNullOrWhiteSpace(text.GetString());
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusStoreCollection : ICollectionFixture<CorpusStore>
{
    public const string Name = "corpus store";
}
