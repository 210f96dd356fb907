using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;
using Marsad.Storage.Search;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Search;

/// <summary>
/// Our analysis against Lucene's stock ArabicAnalyzer on known-item queries from the corpus (see
/// <see cref="RelevanceEvaluation"/>). The corpus size is MARSAD_RELEVANCE_DOCS (default 3,000; the note's figures use
/// 20,000); queries are the titles of every tenth document.
/// </summary>
public sealed class RelevanceComparisonTests(ITestOutputHelper output)
{
    private static int CorpusSize =>
        int.TryParse(Environment.GetEnvironmentVariable("MARSAD_RELEVANCE_DOCS"), out var n) && n > 0 ? n : 3000;

    [SharedFact]
    public void OurAnalysisFindsInflectedAndRespeltTitlesBetterThanStockArabic()
    {
        var corpus = RelevanceEvaluation.Load(SharedData.Path("data", "corpus", "ant_v2.1_multisource.jsonl.gz"), CorpusSize);
        var sample = corpus.Where((_, i) => i % 10 == 0).ToList();
        var titles = sample.Select(i => (i.Title, i.Id)).ToList();
        var variants = sample.Select(i => (RelevanceEvaluation.Variant(i.Title), i.Id)).ToList();

        var ours = new ArabicSearchAnalyzer();
        var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var oursTitles = RelevanceEvaluation.Evaluate(ours, corpus, titles);
        var stockTitles = RelevanceEvaluation.Evaluate(stock, corpus, titles);
        var oursVariants = RelevanceEvaluation.Evaluate(ours, corpus, variants);
        var stockVariants = RelevanceEvaluation.Evaluate(stock, corpus, variants);

        output.WriteLine($"{corpus.Count} documents, {sample.Count} queries per set");
        output.WriteLine($"titles:   ours R@10 {oursTitles.RecallAt10:0.000} MRR {oursTitles.Mrr:0.000} | stock R@10 {stockTitles.RecallAt10:0.000} MRR {stockTitles.Mrr:0.000}");
        output.WriteLine($"variants: ours R@10 {oursVariants.RecallAt10:0.000} MRR {oursVariants.Mrr:0.000} | stock R@10 {stockVariants.RecallAt10:0.000} MRR {stockVariants.Mrr:0.000}");

        // The ranking must not fall below what it found before phrases, proximity and aliases were added (3,000 documents:
        // R@10 0.947, MRR 0.825; 20,000: 0.891, 0.721), less one query's worth on the small set.
        var (minRecall, minMrr) = corpus.Count >= 20000 ? (0.891, 0.721) : (0.94, 0.82);
        Assert.True(oursTitles.RecallAt10 >= minRecall && oursTitles.Mrr >= minMrr, $"titles: {oursTitles} below R@10 {minRecall} / MRR {minMrr}");

        // Our analysis must not lose on plain titles and must win where forms differ.
        Assert.True(oursTitles.Mrr >= stockTitles.Mrr - 0.02, $"titles: ours {oursTitles} vs stock {stockTitles}");
        Assert.True(oursVariants.Mrr > stockVariants.Mrr, $"variants: ours {oursVariants} vs stock {stockVariants}");
    }
}
