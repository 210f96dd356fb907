using Marsad.Export;
using Marsad.Extract.Places;

namespace Marsad.Tests.Export;

public sealed class AcledCodingTests
{
    [Theory]
    [InlineData("airstrike", "", "Explosions/Remote violence", "Air/drone strike")]
    [InlineData("attack", "drone", "Explosions/Remote violence", "Air/drone strike")]
    [InlineData("attack", "ballistic_missile", "Explosions/Remote violence", "Shelling/artillery/missile attack")]
    [InlineData("attack", "ied", "Explosions/Remote violence", "Remote explosive/landmine/IED")]
    [InlineData("attack", "small_arms", "Battles", "Armed clash")]
    [InlineData("decision", "", "Strategic developments", "Other")]
    [InlineData("threat", "", "Strategic developments", "Other")]
    public void ContractTypesMapToAcledsVocabulary(string type, string weapon, string acled, string sub)
    {
        string[] weapons = weapon.Length == 0 ? [] : [weapon];
        Assert.Equal((acled, sub), AcledCoding.Type(type, weapons, null));
    }

    [Fact]
    public void AnAgreementIsCodedAsOne() => Assert.Equal("Agreement", AcledCoding.Type("decision", [], "057").SubType);

    [Theory]
    [InlineData("2018-08-09", 1)]
    [InlineData("2018-W32", 2)]
    [InlineData("2018-08", 3)]
    [InlineData("2018", 3)]
    public void TimePrecisionFollowsTheDate(string date, int precision) => Assert.Equal(precision, AcledCoding.TimePrecision(date));

    [Fact]
    public void GeoPrecisionAndAdminUnitsComeFromTheGazetteer()
    {
        var iraq = Gazetteer.Default.Get("cc-iq")!;
        Assert.Equal(3, AcledCoding.GeoPrecision(iraq));
        Assert.Equal("Iraq", AcledCoding.Admin(Gazetteer.Default, iraq).Country);
        Assert.Null(AcledCoding.GeoPrecision(null));
    }
}
