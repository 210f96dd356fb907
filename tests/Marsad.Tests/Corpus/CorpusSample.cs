using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Corpus;

/// <summary>Real articles from the shared ANT corpus (read from ../shared, never committed), annotated by the default pipeline.</summary>
internal static class CorpusSample
{
    private static readonly AnnotationPipeline Pipeline = DefaultPipeline.Create();

    /// <summary>Up to <paramref name="count"/> distinct article texts of at least <paramref name="minWords"/> words, in file order.</summary>
    public static List<(string Id, string Text, string? Title, DateOnly? Published)> Read(int count, int minWords)
    {
        var path = SharedData.Path("data", "corpus", "ant_v2.1_multisource.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<(string, string, string?, DateOnly?)>(count);
        while (list.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("text", out var t) || t.GetString() is not { } text || !seen.Add(text))
            {
                continue;
            }

            if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < minWords)
            {
                continue;
            }

            var id = root.TryGetProperty("id", out var i) ? i.ToString() : "a" + list.Count;
            var title = root.TryGetProperty("title", out var ti) ? ti.GetString() : null;
            DateOnly? published = root.TryGetProperty("time", out var tm) && tm.ValueKind == JsonValueKind.String
                ? Marsad.Ingest.PublishedDateParser.Parse(tm.GetString())
                : null;
            list.Add(("ant-" + id, text, title, published));
        }

        return list;
    }

    public static Document Annotate(string id, string text)
    {
        var document = new Document(id, text);
        Pipeline.Run(document);
        return document;
    }
}
