using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests.Support;

/// <summary>A store written by <c>marsad analyze</c>, served through the store's own knowledge reader.</summary>
public static class AnalyzedStore
{
    /// <summary>Analyzes <paramref name="input"/> into the store <paramref name="db"/> and returns how to read its knowledge.</summary>
    public static Func<string, IKnowledgeReader> Analyze(string input, string db)
    {
        var code = Marsad.Cli.Program.Main(["analyze", input, "--db", db, "--quiet"]);
        Assert.True(code == 0, $"marsad analyze {input} exited with {code}");
        return ServeOptions.OpenStoreReader;
    }
}
