using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class EntityTypeMapperTests
{
    private static readonly EntityTypeMapper Mapper = new(
        [("مطار", "FAC"), ("نهر", "LOC"), ("شرق اوسط", "LOC")],
        new NerLexicon([], [("قاعده التنف", GazetteerKinds.Facility), ("حلب", GazetteerKinds.Locality)], ["وال", "بال", "ال", "و", "ب"]));

    [Fact]
    public void PersBecomesPer()
    {
        Assert.Equal("PER", Mapper.Map("PERS", ["محمد"]));
    }

    [Fact]
    public void OrganizationAndMiscStay()
    {
        Assert.Equal("ORG", Mapper.Map("ORG", ["الامم", "المتحده"]));
        Assert.Equal("MISC", Mapper.Map("MISC", ["العربيه"]));
    }

    [Fact]
    public void FacilityHeadWordGivesFac()
    {
        Assert.Equal("FAC", Mapper.Map("LOC", ["بمطار", "حلب"]));
    }

    [Fact]
    public void NaturalHeadWordGivesLoc()
    {
        Assert.Equal("LOC", Mapper.Map("LOC", ["نهر", "الفرات"]));
        Assert.Equal("LOC", Mapper.Map("LOC", ["الشرق", "الأوسط"]));
    }

    [Fact]
    public void GazetteerFacilityGivesFac()
    {
        Assert.Equal("FAC", Mapper.Map("LOC", ["قاعدة", "التنف"]));
    }

    [Fact]
    public void OtherLocationsAreGpe()
    {
        Assert.Equal("GPE", Mapper.Map("LOC", ["حلب"]));
        Assert.Equal("GPE", Mapper.Map("LOC", ["بيروت"]));
    }

    [Fact]
    public void UnknownHeadKindIsRejected()
    {
        Assert.Throws<InvalidDataException>(() => new EntityTypeMapper([("جبل", "MOUNTAIN")], new NerLexicon([], [], [])));
    }
}
