using System.Text.Json;
using Marsad.Ingest.Cleaning;
using Marsad.Tests.Corpus;
using Marsad.Tests.Support;
using static Marsad.Tests.Ingest.Cleaning.CleanerTestText;

namespace Marsad.Tests.Ingest.Cleaning;

/// <summary>
/// The blocks an outlet adds after or between its paragraphs (other stories' leads, other articles' headlines, a ruled
/// sign-off), told from the article by what the outlet's documents show together (<see cref="TailEvidenceIndex"/>):
/// on the development gold's real pages, cleaned as <c>marsad analyze</c> cleans them, against the lines the annotators
/// marked as boilerplate; and on written lines, the shapes that must stay.
/// </summary>
public class OutletBlockRemovalTests
{
    [SharedFact]
    public void TheGoldsBoilerplateLinesGoAndTheArticlesStay()
    {
        var articles = AntDevDocuments.Articles();
        var context = CleanerContext.Build(articles);
        using var gold = JsonDocument.Parse(File.ReadAllText(AntDevDocuments.GoldFile));
        var (blocks, blocksGone, content, contentKept) = (0, 0, 0, 0);
        foreach (var article in articles)
        {
            var g = gold.RootElement.GetProperty("documents").GetProperty(article.Id);
            var body = Key(ArticleCleaner.Default.Clean(article, context).Text);
            var marked = g.GetProperty("entities").EnumerateArray()
                .Where(e => e.TryGetProperty("in_boilerplate", out var b) && b.GetBoolean())
                .Select(e => e.GetProperty("start").GetInt32()).ToList();
            var listed = g.TryGetProperty("boilerplate", out var bp) ? bp.EnumerateArray().Select(x => Key(x.GetString()!)).ToHashSet() : [];
            var offset = 0;
            foreach (var line in article.Content.Split('\n'))
            {
                var start = offset;
                offset += line.Length + 1;
                var key = Key(line);
                if (key.Length == 0 || listed.Contains(key))
                {
                    continue;
                }

                // A line holding a mention the gold marks as boilerplate is a teaser, a related link or the app footer.
                if (marked.Any(m => m >= start && m < start + line.Length))
                {
                    blocks++;
                    blocksGone += body.Contains(key, StringComparison.Ordinal) ? 0 : 1;
                }
                else
                {
                    content++;
                    contentKept += body.Contains(key, StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }

        Assert.True(blocks >= 15, $"{blocks} boilerplate lines in the gold");
        Assert.True(blocksGone >= 0.9 * blocks, $"{blocksGone} of {blocks} boilerplate lines removed");
        Assert.True(contentKept >= 0.97 * content, $"{contentKept} of {content} article lines kept");
    }

    [Fact]
    public void ListsThatGoOnWithAndStayBetweenParagraphs()
    {
        // Short lines between two paragraphs, in several documents of one outlet: items of the text's own list (they go on
        // with و) are no run of headlines.
        string[] items = ["وارتفاع أسعار الوقود في المدن", "وتراجع قيمة العملة المحلية أمام الدولار", "وتأخر صرف رواتب الموظفين الحكوميين"];
        var articles = Enumerable.Range(0, 4)
            .Select(i => Raw([Headline, Para1, .. items, Para2, Para3]) with { Id = "t" + i, Title = Headline + i })
            .ToList();
        var context = CleanerContext.Build(articles);

        var body = ArticleCleaner.Default.Clean(articles[0], context).Text;

        Assert.All(items, item => Assert.Contains(item, body));
    }

    /// <summary>Text as the cleaner's keys read it, so that spacing and letter variants do not decide.</summary>
    private static string Key(string text) => string.Join('\n', text.Split('\n').Select(l => LineKey.Of(l)));
}
