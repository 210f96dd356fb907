using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Corpus;

/// <summary>
/// The articles of the development gold (<c>../shared/gold/ant-dev.gold.json</c>) read from the shared corpus and laid
/// out as <c>tools/gold_input.py</c> does (id, title, text, outlet, published, url), analyzed the way <c>marsad analyze</c>
/// does; and the gold stories.
/// </summary>
internal static class AntDevDocuments
{
    public static string GoldFile => SharedData.Path("gold", "ant-dev.gold.json");

    public static List<Document> Analyze()
    {
        var articles = Articles();
        var context = CleanerContext.Build(articles);
        return articles.Select(a => DocumentAnalyzer.Default.Analyze(a, context)).ToList();
    }

    /// <summary>The articles as <c>marsad analyze</c> reads them from the laid-out input.</summary>
    public static List<RawArticle> Articles()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(GoldFile));
        var wanted = gold.RootElement.GetProperty("documents").EnumerateObject().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var corpus = SharedData.Path("data", "corpus", gold.RootElement.GetProperty("corpus").GetString() + ".jsonl.gz");
        using var dir = new TempDir();
        var input = dir.File("input.jsonl");
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress)))
        using (var writer = new StreamWriter(input))
        {
            while (reader.ReadLine() is { } line)
            {
                var record = JsonNode.Parse(line)!;
                if (wanted.Contains((string)record["id"]!))
                {
                    writer.WriteLine(new JsonObject
                    {
                        ["id"] = (string)record["id"]!,
                        ["title"] = (string?)record["title"],
                        ["text"] = (string?)record["text"],
                        ["outlet"] = (string?)record["source"],
                        ["published"] = ((string)record["time"]!)[..10],
                        ["url"] = (string?)record["url"],
                    }.ToJsonString());
                }
            }
        }

        return ArticleReader.ReadAll([input]).Select(o => o.Article).OfType<RawArticle>().ToList();
    }

    public static List<List<string>> GoldStories()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(GoldFile));
        return gold.RootElement.GetProperty("stories").EnumerateArray()
            .Select(s => s.EnumerateArray().Select(d => d.GetString()!).ToList()).ToList();
    }
}
