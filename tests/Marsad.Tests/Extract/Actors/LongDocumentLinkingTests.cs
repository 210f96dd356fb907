using System.Diagnostics;
using System.Text;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Tests.Extract.Actors;

/// <summary>
/// Merging and linking a document's mentions is linear in their number: an unpunctuated text of megabytes holds
/// hundreds of thousands of mentions, and a pass over every mention per mention took minutes.
/// </summary>
public sealed class LongDocumentLinkingTests
{
    [Fact]
    public void MergingKeepsLexiconMentionsAddsDisjointOnesAndLetsAFullNameReplaceItsParts()
    {
        var lexicon = new[] { Mention("الحداد", 10, "PER"), Mention("بغداد", 40, "GPE") };
        var tagger = new[] { Mention("سمير خليل الحداد", 0, "PER", length: 16), Mention("قاعة", 38, "LOC", length: 4), Mention("المؤتمر", 60, "ORG") };

        var merged = EntityMentionMerger.Merge(lexicon, tagger);

        Assert.Equal([(0, "PER"), (40, "GPE"), (60, "ORG")], merged.Select(m => (m.Span.Start, m.Type)));
    }

    [Fact]
    public void MergingTwoHundredThousandMentionsTakesSeconds()
    {
        var lexicon = Enumerable.Range(0, 100_000).Select(i => Mention("بغداد", i * 20, "GPE")).ToList();
        var tagger = Enumerable.Range(0, 100_000).Select(i => Mention("المؤتمر", (i * 20) + 8, "ORG")).ToList();
        var watch = Stopwatch.StartNew();

        var merged = EntityMentionMerger.Merge(lexicon, tagger);

        Assert.Equal(200_000, merged.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void ASurnameLinksToTheNearestFullNameInALongDocumentInSeconds()
    {
        const string Unit = "التقى سمير خليل الحداد الوفد وقال الحداد إن الحوار مستمر ";
        var text = new StringBuilder();
        var mentions = new List<EntityMention>();
        for (var i = 0; i < 20_000; i++)
        {
            var at = text.Length;
            text.Append(Unit);
            mentions.Add(Mention("سمير خليل الحداد", at + Unit.IndexOf("سمير", StringComparison.Ordinal), "PER"));
            mentions.Add(Mention("الحداد", at + Unit.LastIndexOf("الحداد", StringComparison.Ordinal), "PER"));
        }

        var watch = Stopwatch.StartNew();
        var linked = ActorLinker.Default.Link(text.ToString(), mentions, new DateOnly(2024, 2, 1));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(LinkRule.Coreference, linked[^1].Rule);
        Assert.Equal(linked[^2].Ref, linked[^1].Ref);
    }

    private static EntityMention Mention(string text, int start, string type, int? length = null) =>
        new(text, new TextSpan(start, start + (length ?? text.Length)), type);
}
