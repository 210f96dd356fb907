using Marsad.Tests.Support;

namespace Marsad.Web.Tests.Support;

/// <summary>Served stores: an empty one (no file), the analyzed seeds (when ../shared is there), and a hostile article.</summary>
public sealed class StoreFixtures : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-web-tests-" + Guid.NewGuid().ToString("N"));

    public TestServer Empty { get; private set; } = null!;

    public TestServer? Seeds { get; private set; }

    public TestServer Hostile { get; private set; } = null!;

    public TestServer SeedsOrFail => Seeds ?? throw new InvalidOperationException("the seeds are not available: " + SharedData.SkipReason);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Empty = await TestServer.StartAsync(Path.Combine(_dir, "empty", "none.db"));

        var hostileDir = Path.Combine(_dir, "hostile");
        Directory.CreateDirectory(hostileDir);
        await File.WriteAllTextAsync(Path.Combine(hostileDir, HostileArticle.FileName), HostileArticle.Html);
        Analyze(hostileDir, Path.Combine(_dir, "hostile.db"));
        Hostile = await TestServer.StartAsync(Path.Combine(_dir, "hostile.db"));

        if (SharedData.Root is not null)
        {
            Analyze(SharedData.SeedsDir, Path.Combine(_dir, "seeds.db"));
            Seeds = await TestServer.StartAsync(Path.Combine(_dir, "seeds.db"));
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

    private static void Analyze(string input, string db)
    {
        var code = Marsad.Cli.Program.Main(["analyze", input, "--db", db]);
        Assert.True(code == 0, $"marsad analyze {input} exited with {code}");
    }
}

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<StoreFixtures>
{
    public const string Name = "served stores";
}
