using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Marsad.Storage.Search;

namespace Marsad.Tests.Search;

/// <summary>
/// Known-item relevance over the ANT v2.1 corpus: each query is a document's title, the relevant answer is that document,
/// and only the bodies are indexed (so the title itself is not in the index). Two query sets: the titles as written, and
/// the same titles with every word put in another form a writer could use (article on/off, a conjunction, a
/// preposition, hamza/ta marbuta/alef maqsura spelled plainly). Scores: recall at 10 and MRR (1/rank within the top 10).
/// </summary>
public static class RelevanceEvaluation
{
    public sealed record Item(string Id, string Title, string Text);

    public sealed record Score(double RecallAt10, double Mrr);

    public static List<Item> Load(string corpusFile, int count)
    {
        var items = new List<Item>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var file = File.OpenRead(corpusFile);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (items.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var id = r.GetProperty("id").GetString();
            var title = r.TryGetProperty("title", out var t) ? t.GetString() : null;
            var text = r.TryGetProperty("text", out var x) ? x.GetString() : null;
            if (id is null || title is null || text is null || text.Length < 200 || !seen.Add(text) || !seen.Add(title)
                || title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4)
            {
                continue;
            }

            items.Add(new Item(id, title, text));
        }

        return items;
    }

    /// <summary>Every word of three letters or more in another written form, chosen by its position (deterministic).</summary>
    public static string Variant(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var k = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length < 3 || !w.All(c => c is >= '\u0621' and <= '\u064A'))
            {
                continue;
            }

            words[i] = (k++ % 4) switch
            {
                0 => w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 4 ? w[2..] : "ال" + w,
                1 => "و" + w,
                2 => w.StartsWith("ال", StringComparison.Ordinal) ? "لل" + w[2..] : "ب" + w,
                _ => Plain(w) is var p && p != w ? p : "و" + w,
            };
        }

        return string.Join(' ', words);
    }

    public static Score Evaluate(Analyzer analyzer, IReadOnlyList<Item> corpus, IReadOnlyList<(string Query, string Target)> queries)
    {
        using var index = DocumentIndex.InMemory(analyzer);
        foreach (var item in corpus)
        {
            index.Upsert(new IndexedDocument { Id = item.Id, Version = "eval", Text = item.Text });
        }

        index.Commit();
        using var search = index.CreateSearchService();
        double found = 0, reciprocal = 0;
        foreach (var (query, target) in queries)
        {
            var hits = search.Search(new SearchQuery { Text = query, Limit = 10, SnippetLength = 0 }).Hits;
            for (var rank = 0; rank < hits.Count; rank++)
            {
                if (hits[rank].Id == target)
                {
                    found++;
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
        }

        return new Score(found / queries.Count, reciprocal / queries.Count);
    }

    private static string Plain(string w)
    {
        var chars = w.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'أ' or 'إ' or 'آ' => 'ا',
                'ة' => 'ه',
                'ى' when i == chars.Length - 1 => 'ي',
                _ => chars[i],
            };
        }

        return new string(chars);
    }
}
