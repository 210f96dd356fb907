using Marsad.Storage.Knowledge;

namespace Marsad.Tests.Storage;

/// <summary>Trend counts: per day, for the keys counted most, under each filter, the same on every store.</summary>
public abstract partial class KnowledgeStoreContract
{
    public static TheoryData<string, string> TrendCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var dimension in Enum.GetNames<TrendDimension>())
        {
            foreach (var filter in new[] { "none", "story", "range", "outlet", "actor" })
            {
                cases.Add(dimension, filter);
            }

            if (dimension != nameof(TrendDimension.Outlet))
            {
                cases.Add(dimension, "country");
                cases.Add(dimension, "type");
            }
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(TrendCases))]
    public void TrendsCountTheTopKeysPerDay(string dimensionName, string filter)
    {
        var sample = new KnowledgeSample();
        using var store = Filled(OpenStore(), sample);
        var dimension = Enum.Parse<TrendDimension>(dimensionName);
        var q = Query(filter);
        const int keys = 2;
        var mentions = sample.Mentions();

        IEnumerable<(string Day, string Key)> rows = dimension == TrendDimension.Outlet
            ? sample.Documents
                .Where(d => d.Published is not null && InRange(d.Published, q) && (q.Story is null || sample.DocumentStories[d.Id] == q.Story)
                    && (q.Outlet is null || d.Outlet == q.Outlet) && (q.Actor is null || mentions[d.Id].Any(m => m.Entity == q.Actor)))
                .Select(d => (d.Published!, d.Outlet!))
            : sample.Events
                .Where(e => e.Day is not null && InRange(e.Day, q) && (q.Story is null || e.Story == q.Story)
                    && (q.Outlet is null || e.Outlets.Contains(q.Outlet)) && (q.Country is null || e.Country == q.Country)
                    && (q.Type is null || e.Type == q.Type) && (q.Actor is null || e.Actors.Contains(q.Actor)))
                .SelectMany(e => dimension switch
                {
                    TrendDimension.Actor => e.Actors.Select(a => (e.Day!, a)),
                    TrendDimension.Place => [(e.Day!, e.Place!)],
                    _ => new[] { (e.Day!, e.Type) },
                });
        var list = rows.ToList();
        var top = list.GroupBy(r => r.Key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(keys).Select(g => g.Key).ToHashSet();
        var expected = list.Where(r => top.Contains(r.Key)).GroupBy(r => r)
            .OrderBy(g => g.Key.Day, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new TrendCount(g.Key.Day, g.Key.Key, g.Count())).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, store.Trend(dimension, q, keys));
    }
}
