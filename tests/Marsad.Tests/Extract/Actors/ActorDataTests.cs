using Marsad.Extract.Actors;
using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Actors;

/// <summary>Lint of data/actors: ids, columns, alias syntax and uniqueness, dated titles.</summary>
public sealed class ActorDataTests
{
    private static readonly string[] Types = ["PER", "ORG", "GPE", "LOC", "FAC", "MISC"];

    [Theory]
    [InlineData("actors.tsv")]
    [InlineData("titles.tsv")]
    public void FilesHaveHeaderAndCleanText(string file) => DataFileChecks.HasHeaderAndCleanText("actors", file);

    [Fact]
    public void ActorRowsAreWellFormedWithUniqueIds()
    {
        var rows = DataFileChecks.Rows("actors", "actors.tsv");
        Assert.True(rows.Count >= 300, $"only {rows.Count} actors");
        var ids = new HashSet<string>();
        foreach (var r in rows)
        {
            Assert.Equal(7, r.Length);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r[0]);
            Assert.True(ids.Add(r[0]), $"duplicate actor id {r[0]}");
            Assert.Contains(r[1], Types);
            Assert.False(string.IsNullOrWhiteSpace(r[2]), $"{r[0]} has no kind");
            Assert.Matches("^([A-Z]{2})?$", r[3]);
            Assert.False(string.IsNullOrWhiteSpace(r[4]), $"{r[0]} has no English name");
            Assert.False(string.IsNullOrWhiteSpace(r[6]), $"{r[0]} has no source");
            var first = ActorCatalog.ParseAlias(r[5].Split('|')[0]);
            Assert.False(first.Anaphoric || first.Descriptive, $"{r[0]}: the display name must not be a short form or a descriptive phrase");
        }
    }

    [Fact]
    public void PlainAliasesNameOneActorAfterNormalization()
    {
        var owner = new Dictionary<string, string>();
        foreach (var r in DataFileChecks.Rows("actors", "actors.tsv"))
        {
            var own = new HashSet<string>();
            foreach (var raw in r[5].Split('|'))
            {
                var (text, anaphoric, context, _) = ActorCatalog.ParseAlias(raw);
                var key = (context ?? "") + "|" + NameKey.Of(text);
                Assert.True(own.Add(key), $"{r[0]}: alias '{raw}' repeats another alias after normalization");
                if (anaphoric)
                {
                    // Short forms may be shared on purpose (~الهيئة): the actor named last wins.
                    continue;
                }

                Assert.False(owner.TryGetValue(key, out var other), $"alias '{raw}' of {r[0]} is also an alias of {other}");
                owner[key] = r[0];
            }
        }
    }

    [Fact]
    public void ActorAliasesDoNotShadowCountryNames()
    {
        var countries = Gazetteer.Default.Places.Where(p => p.IsCountry).SelectMany(p => p.Aliases).Select(a => NameKey.Of(a)).ToHashSet();
        foreach (var actor in ActorCatalog.Default.Actors)
        {
            foreach (var alias in actor.Aliases)
            {
                Assert.DoesNotContain(NameKey.Of(alias), countries);
            }
        }
    }

    [Fact]
    public void TitleRowsNameKnownActorsWithValidRanges()
    {
        var ids = DataFileChecks.Rows("actors", "actors.tsv").Select(r => r[0]).ToHashSet();
        foreach (var r in DataFileChecks.Rows("actors", "titles.tsv"))
        {
            Assert.Contains(r[0], ids);
            Assert.Matches(@"^(\d{4}(-\d{2}(-\d{2})?)?)?$", r[2]);
            Assert.Matches(@"^(\d{4}(-\d{2}(-\d{2})?)?)?$", r[3]);
            if (r[2].Length > 0 && r[3].Length > 0)
            {
                Assert.True(string.CompareOrdinal(r[2], r[3]) < 0, $"{r[0]}: term {r[2]}..{r[3]} ends before it starts");
            }
        }
    }

    [Fact]
    public void TitleHoldersOfOneCountryDoNotOverlap()
    {
        // A title names one holder per country at a time (transition days aside): the terms of different actors of
        // one country that share a title must not overlap.
        foreach (var (key, terms) in ActorCatalog.Default.TitleKeys)
        {
            foreach (var a in terms)
            {
                foreach (var b in terms)
                {
                    if (ReferenceEquals(a, b) || a.Actor.Id == b.Actor.Id || a.Actor.Country != b.Actor.Country)
                    {
                        continue;
                    }

                    var overlap = (a.Until is null || b.From is null || b.From < a.Until) && (b.Until is null || a.From is null || a.From < b.Until);
                    Assert.False(overlap, $"title '{key}': {a.Actor.Id} {a.From}..{a.Until} overlaps {b.Actor.Id} {b.From}..{b.Until}");
                }
            }
        }
    }
}
