using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Storage.Search;

namespace Marsad.Bench;

/// <summary>
/// The shared article corpus (shared/data/corpus: ANT v2.1, SaudiNewsNet, ANT v1.1) as documents to index, repeated
/// with new ids when more are asked for than it holds; and query sets built from its titles. Deterministic.
/// </summary>
public static class SearchCorpus
{
    private static readonly string[] Files = ["ant_v2.1_multisource.jsonl.gz", "saudinewsnet.jsonl.gz", "ant_v1.1_jawharafm.jsonl.gz"];

    public static List<IndexedDocument> Load(int count)
    {
        var unique = new List<IndexedDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            foreach (var line in Lines(Path.Combine(BenchCorpus.SharedRoot(), "data", "corpus", file)))
            {
                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                var text = Str(r, "text") ?? Str(r, "content");
                if (string.IsNullOrWhiteSpace(text) || !seen.Add(text))
                {
                    continue;
                }

                var date = Str(r, "time") ?? Str(r, "date_extracted");
                unique.Add(new IndexedDocument
                {
                    Id = Str(r, "id") ?? Str(r, "url") ?? "doc" + unique.Count,
                    Version = "bench",
                    Title = Str(r, "title"),
                    Text = text,
                    Outlet = Str(r, "source"),
                    Published = date is { Length: >= 10 } ? date[..10] : null,
                });
                if (unique.Count >= count)
                {
                    return unique;
                }
            }
        }

        var all = new List<IndexedDocument>(count);
        for (var round = 0; all.Count < count; round++)
        {
            foreach (var d in unique)
            {
                if (all.Count >= count)
                {
                    break;
                }

                all.Add(round == 0 ? d : d with { Id = d.Id + "#" + round });
            }
        }

        return all;
    }

    /// <summary>Queries of 2–4 words (of 3+ letters) from the titles of random documents, a quarter with a filter.</summary>
    public static List<SearchQuery> Queries(IReadOnlyList<IndexedDocument> docs, int count, int seed = 7)
    {
        var random = new Random(seed);
        var queries = new List<SearchQuery>(count);
        while (queries.Count < count)
        {
            var d = docs[random.Next(docs.Count)];
            var words = (d.Title ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToArray();
            if (words.Length < 2)
            {
                continue;
            }

            var take = Math.Min(words.Length, random.Next(2, 5));
            var start = random.Next(words.Length - take + 1);
            var q = new SearchQuery { Text = string.Join(' ', words.Skip(start).Take(take)) };
            q = (queries.Count % 8) switch
            {
                1 when d.Outlet is not null => q with { Outlets = [d.Outlet] },
                5 when DateOnly.TryParse(d.Published, System.Globalization.CultureInfo.InvariantCulture, out var day) =>
                    q with { From = day.AddDays(-30), To = day.AddDays(30) },
                _ => q,
            };
            queries.Add(q);
        }

        return queries;
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
