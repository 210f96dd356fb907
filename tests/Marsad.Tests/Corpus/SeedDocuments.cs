using System.Text.Json;
using Marsad.Analysis;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Corpus;

/// <summary>The seed articles analyzed the way <c>marsad analyze</c> does (read from ../shared), and the gold stories.</summary>
internal static class SeedDocuments
{
    /// <summary>A fresh analysis each call: corpus stages may set a document's date.</summary>
    public static List<Document> Analyze()
    {
        var articles = ArticleReader.ReadAll([SharedData.SeedsDir]).Select(o => o.Article).OfType<RawArticle>().ToList();
        var context = CleanerContext.Build(articles);
        return articles.Select(a => DocumentAnalyzer.Default.Analyze(a, context)).ToList();
    }

    public static List<List<string>> GoldStories()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.GoldFile));
        return gold.RootElement.GetProperty("stories").EnumerateArray()
            .Select(s => s.EnumerateArray().Select(d => d.GetString()!).ToList()).ToList();
    }

    public static List<(string Kind, List<string> Docs)> GoldDiscrepancies()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.GoldFile));
        return gold.RootElement.GetProperty("discrepancies").EnumerateArray()
            .Select(d => (d.GetProperty("kind").GetString()!, d.GetProperty("docs").EnumerateArray().Select(x => x.GetString()!).ToList())).ToList();
    }

    /// <summary>B-cubed F1 of system stories against gold stories, over the gold documents (as the reference scorer computes it).</summary>
    public static double BCubedF1(IReadOnlyList<Story> stories, List<List<string>> gold)
    {
        var sys = new Dictionary<string, string>();
        foreach (var s in stories)
        {
            foreach (var d in s.Documents)
            {
                sys[d] = s.Id;
            }
        }

        var goldOf = gold.SelectMany((g, i) => g.Select(d => (d, i))).ToDictionary(x => x.d, x => x.i);
        var items = goldOf.Keys.ToList();
        double p = 0, r = 0;
        foreach (var d in items)
        {
            var gs = items.Where(x => goldOf[x] == goldOf[d]).ToHashSet();
            var ss = items.Where(x => sys.ContainsKey(d) && sys.GetValueOrDefault(x) == sys[d]).ToHashSet();
            if (ss.Count == 0)
            {
                ss.Add(d);
            }

            var both = gs.Intersect(ss).Count();
            p += (double)both / ss.Count;
            r += (double)both / gs.Count;
        }

        p /= items.Count;
        r /= items.Count;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
