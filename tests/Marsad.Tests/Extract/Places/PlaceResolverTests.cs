using Marsad.Extract.Places;
using Marsad.Model;

namespace Marsad.Tests.Extract.Places;

public sealed class PlaceResolverTests
{
    private static PlaceMatch? Resolve(string text, string mention, string? type = null, PlaceContext? context = null, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(mention, start + 1, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"'{mention}' not in test sentence");
        return PlaceResolver.Default.Resolve(text, new TextSpan(start, start + mention.Length), type, context);
    }

    [Fact]
    public void FacilityCueBeforeTheNamePicksTheBaseNotTheTown()
    {
        var match = Resolve("سقطت طائرة مسيرة قرب مطار حرير في أربيل صباح اليوم", "حرير");
        Assert.Equal("site-harir", match?.Place.Id);
    }

    [Fact]
    public void BaseNameWithItsCueIsTheBase()
    {
        var match = Resolve("استهدف هجوم صاروخي قاعدة عين الأسد الجوية غربي البلاد", "قاعدة عين الأسد الجوية");
        Assert.Equal("site-ain-al-asad", match?.Place.Id);
        Assert.Equal("FAC", match?.Place.Type);
    }

    [Fact]
    public void BaseNameWrittenWithTheArticleIsStillTheBase()
    {
        var match = Resolve("وصلت التعزيزات إلى قاعدة الحرير مساء أمس", "قاعدة الحرير");
        Assert.Equal("site-harir", match?.Place.Id);
    }

    [Fact]
    public void NestingPrefersThePlaceInsideTheNamedGovernorate()
    {
        var match = Resolve("انفجرت عبوة في بلدة حرير في بغداد", "حرير");
        Assert.NotNull(match);
        Assert.Equal("IQ", match.Place.Country);
        Assert.Equal("wof-85672447", match.Place.RegionId);
    }

    [Fact]
    public void NestingWithAttachedBaReadsTheContainer()
    {
        var match = Resolve("زار الوفد قاعدة حرير بأربيل", "قاعدة حرير");
        Assert.Equal("site-harir", match?.Place.Id);
    }

    [Fact]
    public void CountryResolvesToItsCentroid()
    {
        var match = Resolve("أعلنت إيران أنها سترد على الهجوم", "إيران");
        Assert.Equal("cc-ir", match?.Place.Id);
        Assert.True(match!.Place.IsCountry);
    }

    [Fact]
    public void CountrySpellingVariantsResolveToOneCountry()
    {
        Assert.Equal("cc-sy", PlaceResolver.Default.ResolveName("سورية")?.Place.Id);
        Assert.Equal("cc-sy", PlaceResolver.Default.ResolveName("سوريا")?.Place.Id);
        Assert.Equal("cc-us", PlaceResolver.Default.ResolveName("أمريكا")?.Place.Id);
        Assert.Equal("cc-us", PlaceResolver.Default.ResolveName("أميركا")?.Place.Id);
        Assert.Equal("cc-us", PlaceResolver.Default.ResolveName("الولايات المتحدة الأمريكية")?.Place.Id);
    }

    [Fact]
    public void MetonymicCapitalIsTheCity()
    {
        var match = Resolve("وقالت واشنطن إن بغداد لم ترد بعد على الطلب", "بغداد");
        Assert.NotNull(match);
        Assert.Equal("locality", match.Place.Kind);
        Assert.True(GeoDistance.Km(match.Place.Lat, match.Place.Lon, 33.34, 44.40) < 15);
        Assert.Equal("city-washington", Resolve("وقالت واشنطن إن بغداد لم ترد", "واشنطن")?.Place.Id);
    }

    [Fact]
    public void GovernorateCueSelectsTheRegion()
    {
        var match = Resolve("وصل المحافظ إلى محافظة بغداد", "محافظة بغداد");
        Assert.Equal("region", match?.Place.Kind);
    }

    [Fact]
    public void GovernorateWithoutACityOfItsNameIsTheRegion()
    {
        Assert.Equal("region", PlaceResolver.Default.ResolveName("الأنبار")?.Place.Kind);
        Assert.Equal("region", PlaceResolver.Default.ResolveName("نينوى")?.Place.Kind);
    }

    [Fact]
    public void CapitalVariantOfARegionIsTheCity()
    {
        var match = PlaceResolver.Default.ResolveName("الموصل");
        Assert.Equal("locality", match?.Place.Kind);
    }

    [Fact]
    public void CuratedTownWinsOverAMisplacedHomonym()
    {
        var match = PlaceResolver.Default.ResolveName("القائم");
        Assert.Equal("site-al-qaim", match?.Place.Id);
    }

    [Fact]
    public void DocumentCountryContextSettlesAnAmbiguousVillage()
    {
        var syria = new PlaceContext();
        syria.Observe("SY");
        syria.Observe("SY");
        var iraq = new PlaceContext();
        iraq.Observe("IQ");
        Assert.Equal("SY", PlaceResolver.Default.ResolveName("عين البيضة", null, syria)?.Place.Country);
        Assert.Equal("IQ", PlaceResolver.Default.ResolveName("عين البيضة", null, iraq)?.Place.Country);
    }

    [Fact]
    public void AGenericPhraseNamesASiteOnlyInNewsOnItsCountry()
    {
        // "السفارة الأمريكية" is the Baghdad embassy in news on Iraq; in news on Jerusalem or Islamabad it is another.
        var israel = new PlaceContext();
        israel.Observe("IL");
        var iraq = new PlaceContext();
        iraq.Observe("IQ");
        const string Moved = "قرر الرئيس الأمريكي نقل السفارة الأمريكية إلى القدس";
        Assert.Null(Resolve(Moved, "السفارة الأمريكية", context: israel));
        Assert.Null(Resolve(Moved, "السفارة الأمريكية"));
        Assert.Equal("site-us-embassy-baghdad", Resolve("سقط صاروخ قرب السفارة الأمريكية في المنطقة الخضراء", "السفارة الأمريكية", context: iraq)?.Place.Id);
        Assert.Equal("site-us-embassy-baghdad", Resolve("سقط صاروخ قرب السفارة الأميركية ببغداد", "السفارة الأميركية ببغداد", context: israel)?.Place.Id);
    }

    [Fact]
    public void ProcliticInsideTheSpanIsStripped()
    {
        var match = Resolve("وصل الوفد إلى بغداد وأربيل", "وأربيل");
        Assert.NotNull(match);
        Assert.True(GeoDistance.Km(match.Place.Lat, match.Place.Lon, 36.19, 44.01) < 15);
    }

    [Fact]
    public void FusedLamArticleResolves()
    {
        Assert.Equal("cc-iq", Resolve("لا بد للعراق من موقف", "للعراق")?.Place.Id);
    }

    [Fact]
    public void UnknownNameResolvesToNothing()
    {
        Assert.Null(PlaceResolver.Default.ResolveName("زززقققث"));
        Assert.Null(PlaceResolver.Default.ResolveName(""));
    }

    [Fact]
    public void NamedRegionResolvesToItsCentre()
    {
        Assert.Equal("site-gaza-strip", PlaceResolver.Default.ResolveName("قطاع غزة")?.Place.Id);
        Assert.Equal("site-kurdistan-region", PlaceResolver.Default.ResolveName("إقليم كردستان")?.Place.Id);
    }
}
