using Marsad.Tests.Support;

namespace Marsad.Web.Tests.Support;

/// <summary>Served stores: an empty one (no file), the analyzed seeds (when ../shared is there), and a hostile article.</summary>
public sealed class StoreFixtures : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-web-tests-" + Guid.NewGuid().ToString("N"));

    public TestServer Empty { get; private set; } = null!;

    public TestServer? Seeds { get; private set; }

    public TestServer Hostile { get; private set; } = null!;

    /// <summary>The knowledge the seeds' store holds, for the CLI's readers.</summary>
    public Marsad.Storage.Knowledge.IKnowledgeReader? SeedsKnowledge { get; private set; }

    /// <summary>The seeds' store file (its search index beside it, as analyze writes it).</summary>
    public string? SeedsDb { get; private set; }

    public TestServer SeedsOrFail => Seeds ?? throw new InvalidOperationException("the seeds are not available: " + SharedData.SkipReason);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Empty = await TestServer.StartAsync(Path.Combine(_dir, "empty", "none.db"));

        var hostileDir = Path.Combine(_dir, "hostile");
        Directory.CreateDirectory(hostileDir);
        await File.WriteAllTextAsync(Path.Combine(hostileDir, HostileArticle.FileName), HostileArticle.Html);
        var hostile = Path.Combine(_dir, "hostile.db");
        Hostile = await TestServer.StartAsync(hostile, AnalyzedStore.Analyze(hostileDir, hostile));

        if (SharedData.Root is not null)
        {
            var seeds = Path.Combine(_dir, "seeds.db");
            var knowledge = AnalyzedStore.Analyze(SharedData.SeedsDir, seeds);
            SeedsKnowledge = knowledge(seeds);
            SeedsDb = seeds;
            Seeds = await TestServer.StartAsync(seeds, knowledge);
        }
    }

    public async Task DisposeAsync()
    {
        await Empty.DisposeAsync();
        await Hostile.DisposeAsync();
        if (Seeds is not null)
        {
            await Seeds.DisposeAsync();
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
}

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<StoreFixtures>
{
    public const string Name = "served stores";
}
