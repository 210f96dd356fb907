using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests.Support;

/// <summary>
/// A store written by <c>marsad analyze</c> and the knowledge it holds. Until the stores keep the knowledge base
/// themselves, its reader is the <see cref="InMemoryKnowledgeReader"/> of the analysis JSON the same run wrote (the
/// framing tables computed from the stored documents, as the engine's run does); the stores' own reader is then
/// <see cref="ServeOptions.OpenStoreReader"/>, the one line to switch.
/// </summary>
public static class AnalyzedStore
{
    /// <summary>Analyzes <paramref name="input"/> into the store <paramref name="db"/> and returns how to read its knowledge.</summary>
    public static Func<string, IKnowledgeReader> Analyze(string input, string db)
    {
        var json = db + ".analysis.json";
        var code = Marsad.Cli.Program.Main(["analyze", input, "--db", db, "--json", json]);
        Assert.True(code == 0, $"marsad analyze {input} exited with {code}");
        var reader = new InMemoryKnowledgeReader(KnowledgeRecords.FromAnalysis(File.ReadAllText(json), Framing(db, json)));
        return _ => reader;
    }

    private static List<FramingRecord> Framing(string db, string analysisJson)
    {
        using var store = StoreFactory.Open(db);
        var documents = store.All().Select(Annotated).ToDictionary(d => d.Id, StringComparer.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(analysisJson));
        var framing = new List<FramingRecord>();
        foreach (var s in json.RootElement.GetProperty("stories").EnumerateArray())
        {
            var members = s.GetProperty("documents").EnumerateArray().Select(d => documents[d.GetString()!]).ToList();
            framing.Add(new FramingRecord(s.GetProperty("id").GetString()!, System.Text.Json.JsonSerializer.Serialize(FramingTable.Default.Build(members))));
        }

        return framing;
    }

    private static Document Annotated(StoredDocument row)
    {
        var d = new Document(row.Id, row.Text) { Title = row.Title, Outlet = row.Outlet, Language = row.Language };
        if (row.Language == "ar")
        {
            DocumentAnalyzer.Default.Pipeline.Run(d);
        }

        return d;
    }
}
