using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Ingest.Cleaning;

/// <summary>The cleaner on the five seed articles, against their hand annotations (read from ../shared).</summary>
public class ArticleCleanerSeedTests
{
    private static readonly Lazy<Dictionary<string, CleanedArticle>> Cleaned = new(() =>
    {
        var raws = SeedGold.AllRaw();
        var context = CleanerContext.Build(raws);
        return raws.ToDictionary(r => r.Id, r => ArticleCleaner.Default.Clean(r, context));
    });

    [SharedFact]
    public void EveryGoldBoilerplateLineAndCaptionIsGone()
    {
        foreach (var id in SeedGold.Ids)
        {
            var c = Cleaned.Value[id];
            var bodyLines = c.Text.Split('\n').Select(SeedGold.Norm).ToHashSet();
            var body = SeedGold.Norm(c.Text);
            var title = SeedGold.Norm(SeedGold.Title(id));
            foreach (var line in SeedGold.Strings(id, "boilerplate").Concat(SeedGold.Strings(id, "captions")))
            {
                var l = SeedGold.Norm(line);
                if (l == title)
                {
                    // The headline stays once, as the text's first line; its copies are what must go.
                    Assert.Equal(1, c.Text.Split('\n').Count(x => SeedGold.Norm(x) == title));
                    continue;
                }

                var present = l.Length < 25 ? bodyLines.Contains(l) : body.Contains(l, StringComparison.Ordinal);
                Assert.False(present, $"{id}: boilerplate kept: {line}");
            }

            foreach (var marker in SeedGold.Strings(id, "inline_boilerplate"))
            {
                Assert.DoesNotContain(SeedGold.Norm(marker), body);
            }
        }
    }

    [SharedFact]
    public void EveryOtherLineIsKeptVerbatim()
    {
        foreach (var id in SeedGold.Ids)
        {
            var c = Cleaned.Value[id];
            var body = SeedGold.Norm(c.Text);
            var bad = SeedGold.Strings(id, "boilerplate").Concat(SeedGold.Strings(id, "captions")).Select(SeedGold.Norm).ToHashSet();
            var title = SeedGold.Norm(SeedGold.Title(id));
            foreach (var raw in SeedGold.Raw(id).Content.Split('\n'))
            {
                var l = SeedGold.Norm(raw);
                if (l.Length == 0 || l == title || bad.Contains(l))
                {
                    continue;
                }

                foreach (var marker in SeedGold.Strings(id, "inline_boilerplate"))
                {
                    l = SeedGold.Norm(l.Replace(SeedGold.Norm(marker), ""));
                }

                Assert.True(body.Contains(l, StringComparison.Ordinal), $"{id}: content lost: {raw}");
            }
        }
    }

    [SharedFact]
    public void RemovalReasonsFitWhatWasRemoved()
    {
        foreach (var id in SeedGold.Ids)
        {
            var c = Cleaned.Value[id];
            foreach (var caption in SeedGold.Strings(id, "captions"))
            {
                Assert.Contains(c.Removed, r => SeedGold.Norm(r.Text) == SeedGold.Norm(caption) && r.Reason == RemovalReason.Caption);
            }

            foreach (var r in c.Removed)
            {
                var key = LineKey.Of(r.Text);
                if (key.Contains("ملفات تعريف الارتباط", StringComparison.Ordinal))
                {
                    Assert.Equal(RemovalReason.Cookie, r.Reason);
                }

                if (r.Text.StartsWith('['))
                {
                    Assert.Equal(RemovalReason.Ad, r.Reason);
                }

                if (c.Title is not null && key == LineKey.Of(c.Title))
                {
                    Assert.Equal(RemovalReason.Duplicate, r.Reason);
                }
            }

            var comments = c.Removed.SkipWhile(r => r.Reason != RemovalReason.Comments).ToList();
            Assert.All(comments, r => Assert.Equal(RemovalReason.Comments, r.Reason));
        }
    }

    [SharedFact]
    public void TitlesAreTheGoldHeadlines()
    {
        foreach (var id in SeedGold.Ids)
        {
            Assert.Equal(SeedGold.Norm(SeedGold.Title(id)), SeedGold.Norm(Cleaned.Value[id].Title));
        }
    }

    [SharedFact]
    public void ArticlesThatNameTheirOutletGetIt()
    {
        foreach (var id in SeedGold.Ids)
        {
            var c = Cleaned.Value[id];
            var credit = SeedGold.Document(id).GetProperty("structure").TryGetProperty("source_credit", out var sc) ? sc.GetString() : null;
            if (credit is not null)
            {
                Assert.Equal(Marsad.Ingest.Metadata.OutletCatalog.Default.Find(credit)?.Name, c.Outlet);
            }
        }

        // Four of the five seeds say who published them (a credit, a disclaimer, a statement "received by", an interview "with").
        Assert.True(Cleaned.Value.Values.Count(c => c.Outlet is not null) >= 4);
        Assert.DoesNotContain(Cleaned.Value.Values, c => c.Outlet is "رويترز" or "أسوشيتد برس" or "وكالة الأنباء العراقية");
    }

    [SharedFact]
    public void DatelineOfTheSeedIsItsPublishedDate()
    {
        foreach (var id in SeedGold.Ids)
        {
            var structure = SeedGold.Document(id).GetProperty("structure");
            if (!structure.TryGetProperty("dateline", out var dl) || !Marsad.Ingest.Metadata.DatelineParser.Default.TryParse(dl.GetString()!, out var date))
            {
                continue;
            }

            var c = Cleaned.Value[id];
            Assert.Equal(date, c.Published);
            Assert.Equal(PublishedFrom.Text, c.PublishedFrom);
            Assert.Contains(dl.GetString()!, c.Text);
        }
    }
}
