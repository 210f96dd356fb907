using Marsad.Arabic;
using Marsad.Ingest.Metadata;

namespace Marsad.Tests.Ingest.Metadata;

public class OutletCatalogTests
{
    [Theory]
    [InlineData("EURONEWS", "يورونيوز")]
    [InlineData("أ.ف.ب", "وكالة الصحافة الفرنسية")]
    [InlineData("وكالة الأناضول", "الأناضول")]
    [InlineData("واع", "وكالة الأنباء العراقية")]
    [InlineData("skynews", "سكاي نيوز عربية")]
    [InlineData("«العربية.نت»", "العربية")]
    [InlineData("صحيفة إيلاف", "إيلاف")]
    public void VariantsFindTheCanonicalName(string name, string expected) =>
        Assert.Equal(expected, OutletCatalog.Default.Find(name)?.Name);

    [Fact]
    public void KindsAreRead()
    {
        Assert.Equal(OutletKind.Wire, OutletCatalog.Default.Find("رويترز")?.Kind);
        Assert.Equal(OutletKind.Agency, OutletCatalog.Default.Find("سانا")?.Kind);
        Assert.Equal(OutletKind.Outlet, OutletCatalog.Default.Find("روداو")?.Kind);
    }

    [Fact]
    public void UnknownNameIsNull() => Assert.Null(OutletCatalog.Default.Find("مقهى الحي"));

    [Fact]
    public void CatalogueIsSubstantialAndEveryVariantIsUnambiguous()
    {
        Assert.True(OutletCatalog.Default.All.Count >= 100);
        var owners = new Dictionary<string, string>();
        foreach (var row in TsvLexicon.ReadData("outlets.tsv"))
        {
            Assert.Equal(6, row.Length);
            foreach (var name in new[] { row[0], row[1] }.Concat(row[3].Split('|', StringSplitOptions.RemoveEmptyEntries)))
            {
                var key = OutletCatalog.Key(name);
                Assert.False(owners.TryGetValue(key, out var other) && other != row[0], $"'{name}' names both {other} and {row[0]}");
                owners[key] = row[0];
            }
        }
    }
}
