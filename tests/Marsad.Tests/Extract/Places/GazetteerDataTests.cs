using System.Globalization;
using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Places;

/// <summary>Lint of data/gazetteer: the curated tables and the derived Who's On First table.</summary>
public sealed class GazetteerDataTests
{
    [Theory]
    [InlineData("countries.tsv")]
    [InlineData("cities.tsv")]
    [InlineData("sites.tsv")]
    [InlineData("cues.tsv")]
    [InlineData("finder_exclusions.tsv")]
    [InlineData("notable_towns.tsv")]
    [InlineData("wof_places.tsv")]
    public void FilesHaveHeaderAndCleanText(string file) => DataFileChecks.HasHeaderAndCleanText("gazetteer", file);

    [Fact]
    public void DerivedTableCreditsWhosOnFirst()
    {
        var header = File.ReadLines(DataFileChecks.PathOf("gazetteer", "wof_places.tsv")).First();
        Assert.Contains("Data from Who's On First", header, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySiteHasCoordinatesASourceAndAKnownType()
    {
        var ids = new HashSet<string>();
        foreach (var r in DataFileChecks.Rows("gazetteer", "sites.tsv"))
        {
            Assert.Equal(10, r.Length);
            Assert.True(ids.Add(r[0]), $"duplicate site id {r[0]}");
            Assert.Contains(r[1], new[] { "GPE", "LOC", "FAC" });
            AssertCoordinates(r[5], r[6], r[0]);
            Assert.False(string.IsNullOrWhiteSpace(r[9]), $"site {r[0]} has no source");
            Assert.False(string.IsNullOrWhiteSpace(r[4]), $"site {r[0]} has no alias");
        }
    }

    [Fact]
    public void EverySiteGovernorateIsARegionOfItsCountry()
    {
        foreach (var site in Gazetteer.Default.Places.Where(p => p.Source == PlaceSource.Site && p.Country is "IQ" or "SY"))
        {
            if (site.RegionId is { } r)
            {
                Assert.Equal("region", Gazetteer.Default.Get(r)?.Kind);
            }
        }

        Assert.Equal("wof-85672483", Gazetteer.Default.Get("site-ain-al-asad")?.RegionId);
    }

    [Fact]
    public void CountriesAndCitiesHaveUniqueIdsAndValidCoordinates()
    {
        var iso = new HashSet<string>();
        foreach (var r in DataFileChecks.Rows("gazetteer", "countries.tsv"))
        {
            Assert.Equal(6, r.Length);
            Assert.Matches("^[A-Z]{2}$", r[0]);
            Assert.True(iso.Add(r[0]), $"duplicate country {r[0]}");
            AssertCoordinates(r[2], r[3], r[0]);
        }

        var ids = new HashSet<string>();
        foreach (var r in DataFileChecks.Rows("gazetteer", "cities.tsv"))
        {
            Assert.Equal(8, r.Length);
            Assert.True(ids.Add(r[0]), $"duplicate city {r[0]}");
            Assert.Contains(r[2], iso);
            AssertCoordinates(r[4], r[5], r[0]);
            Assert.True(long.TryParse(r[6], CultureInfo.InvariantCulture, out _), $"city {r[0]} population");
        }
    }

    [Fact]
    public void CuratedAliasesAreUniqueAfterNormalization()
    {
        var owner = new Dictionary<string, string>();
        foreach (var (file, idCol, aliasCol) in new[] { ("countries.tsv", 0, 4), ("cities.tsv", 0, 3), ("sites.tsv", 0, 4) })
        {
            foreach (var r in DataFileChecks.Rows("gazetteer", file))
            {
                foreach (var alias in r[aliasCol].Split('|'))
                {
                    var key = NameKey.Of(alias);
                    Assert.False(owner.TryGetValue(key, out var other), $"alias '{alias}' of {file}:{r[idCol]} is also an alias of {other}");
                    owner[key] = file + ":" + r[idCol];
                }
            }
        }
    }

    [Fact]
    public void DerivedTableRowsAreWellFormed()
    {
        var rows = DataFileChecks.Rows("gazetteer", "wof_places.tsv");
        Assert.True(rows.Count > 20000);
        var ids = new HashSet<string>();
        foreach (var r in rows)
        {
            Assert.Equal(12, r.Length);
            Assert.True(ids.Add(r[0]));
            AssertCoordinates(r[6], r[7], r[0]);
        }
    }

    private static void AssertCoordinates(string lat, string lon, string id)
    {
        Assert.True(double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && la is >= -90 and <= 90, $"{id}: bad latitude '{lat}'");
        Assert.True(double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) && lo is >= -180 and <= 180, $"{id}: bad longitude '{lon}'");
    }
}
