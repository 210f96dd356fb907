using Marsad.Extract.Actors;
using Marsad.Extract.Places;

namespace Marsad.Tests.Extract.Actors;

public sealed class ActorCatalogTests
{
    [Fact]
    public void AliasLookupIgnoresSpellingVariants()
    {
        Assert.Equal("asaib-ahl-al-haq", ActorCatalog.Default.Aliases(NameKey.Of("عصائب اهل الحق"))[0].Actor.Id);
        Assert.Equal("us-dod", ActorCatalog.Default.Aliases(NameKey.Of("البنتاجون"))[0].Actor.Id);
    }

    [Fact]
    public void AliasSyntaxIsParsed()
    {
        Assert.Equal(("العالم", false, "قناه", false), ActorCatalog.ParseAlias("[قناة] العالم"));
        Assert.Equal(("الهيئة", true, null, false), ActorCatalog.ParseAlias("~الهيئة"));
        Assert.Equal(("القوات الأمريكية", false, null, true), ActorCatalog.ParseAlias("?القوات الأمريكية"));
    }

    [Fact]
    public void TitleOnTheDayOfATransferBelongsToTheSuccessor()
    {
        Assert.Equal("sudani", ActorCatalog.Default.ResolveTitle(NameKey.Of("رئيس الوزراء العراقي"), new DateOnly(2022, 10, 27))?.Id);
        Assert.Equal("kadhimi", ActorCatalog.Default.ResolveTitle(NameKey.Of("رئيس الوزراء العراقي"), new DateOnly(2022, 10, 26))?.Id);
    }

    [Fact]
    public void TitleWithoutDateIsTheCurrentHolder()
    {
        Assert.Equal("sudani", ActorCatalog.Default.ResolveTitle(NameKey.Of("رئيس الوزراء العراقي"), null)?.Id);
    }

    [Fact]
    public void ReturningHolderIsFoundInEachTerm()
    {
        var key = NameKey.Of("الرئيس الأمريكي");
        Assert.Equal("trump", ActorCatalog.Default.ResolveTitle(key, new DateOnly(2018, 5, 1))?.Id);
        Assert.Equal("biden", ActorCatalog.Default.ResolveTitle(key, new DateOnly(2023, 5, 1))?.Id);
        Assert.Equal("trump", ActorCatalog.Default.ResolveTitle(key, new DateOnly(2025, 5, 1))?.Id);
    }

    [Fact]
    public void VacantTitleResolvesToNobody()
    {
        Assert.Null(ActorCatalog.Default.ResolveTitle(NameKey.Of("الرئيس الإيراني"), new DateOnly(2024, 6, 15)));
    }
}
