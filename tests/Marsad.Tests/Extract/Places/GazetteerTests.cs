using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Places;

public sealed class GazetteerTests
{
    private static Gazetteer G => Gazetteer.Default;

    [Fact]
    public void LookupIgnoresHamzaAndTaMarbutaDifferences()
    {
        Assert.False(G.Lookup(NameKey.Of("اربيل")).IsEmpty);
        Assert.False(G.Lookup(NameKey.Of("سوريه")).IsEmpty);
    }

    [Fact]
    public void SiteAliasWithCueIsIndexedWithAndWithoutArticle()
    {
        var withArticle = G.Lookup(NameKey.Of("قاعدة الحرير")).ToArray();
        Assert.Contains(withArticle, n => n.Place.Id == "site-harir");
    }

    [Fact]
    public void CuesAreKnown()
    {
        Assert.True(G.Cue(NameKey.Of("قاعدة"))?.IsFacility);
        Assert.False(G.Cue(NameKey.Of("محافظة"))?.IsFacility);
        Assert.Null(G.Cue(NameKey.Of("كتاب")));
    }

    [Fact]
    public void BasesLieInTheirGovernorates()
    {
        var babil = G.Get("wof-85672491")!;
        var anbar = G.Get("wof-85672483")!;
        var erbil = G.Get("wof-85672425")!;
        Assert.True(G.IsWithin(G.Get("site-jurf-al-sakhar")!, babil));
        Assert.True(G.IsWithin(G.Get("site-al-qaim")!, anbar));
        Assert.True(G.IsWithin(G.Get("site-ain-al-asad")!, anbar));
        Assert.True(G.IsWithin(G.Get("site-harir")!, erbil));
        Assert.False(G.IsWithin(G.Get("site-harir")!, anbar));
    }

    [Fact]
    public void PlacesLieInTheirCountry()
    {
        Assert.True(G.IsWithin(G.Get("site-al-tanf")!, G.Country("SY")!));
        Assert.True(G.IsWithin(G.Get("wof-421178393")!, G.Country("IQ")!));
        Assert.False(G.IsWithin(G.Get("city-tehran")!, G.Country("IQ")!));
    }

    [Fact]
    public void AirportLiesWithinItsCity()
    {
        Assert.True(G.IsWithin(G.Get("site-baghdad-airport")!, G.Get("wof-421178393")!));
    }

    [Fact]
    public void RegionOfASiteIsItsGovernorate()
    {
        Assert.Equal("wof-85672491", G.RegionOf(G.Get("site-jurf-al-sakhar")!)?.Id);
    }

    [Fact]
    public void CompassPartHoldsTheNearerPlacesOfItsCountry()
    {
        var north = G.Get("site-north-yemen")!;

        Assert.True(G.IsWithin(G.Get("city-saada")!, north));
        Assert.False(G.IsWithin(G.Get("city-aden")!, north));
        Assert.False(G.IsWithin(G.Get("city-riyadh")!, north));
        Assert.False(G.IsWithin(G.Get("city-riyadh")!, G.Get("site-south-saudi")!));
        Assert.False(G.IsWithin(G.Get("cc-ye")!, north));
        Assert.True(G.IsWithin(G.Get("site-south-gaza")!, G.Get("site-gaza-strip")!));
    }
}
