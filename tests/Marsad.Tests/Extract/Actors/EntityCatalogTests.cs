using Marsad.Extract.Actors;

namespace Marsad.Tests.Extract.Actors;

public sealed class EntityCatalogTests
{
    [Fact]
    public void OneEntryPerRefWithTableNamesAndCoordinates()
    {
        var catalog = new EntityCatalog();
        foreach (var text in new[] { "قال السوداني في أربيل", "وصل محمد شياع السوداني إلى اربيل" })
        {
            var found = ActorMentionFinder.Default.Find(text);
            catalog.Add(ActorLinker.Default.Link(text, found, new DateOnly(2024, 1, 1)));
        }

        var entities = catalog.Entities();
        var sudani = Assert.Single(entities, e => e.Id == "sudani");
        Assert.Equal("PER", sudani.Type);
        Assert.Equal("Mohammed Shia al-Sudani", sudani.NameEn);
        Assert.Equal(["السوداني", "محمد شياع السوداني"], sudani.Aliases);
        Assert.Null(sudani.Lat);

        var erbil = Assert.Single(entities, e => e.Type == "GPE");
        Assert.Equal("IQ", erbil.Country);
        Assert.NotNull(erbil.Lat);
        Assert.Equal(2, erbil.Aliases.Count);
    }

    [Fact]
    public void UnknownEntityTakesItsMostFrequentForm()
    {
        var catalog = new EntityCatalog();
        var text = "قال سعد الكرخي وسعد الكرخي";
        catalog.Add(ActorLinker.Default.Link(text, LinkTestText.Mentions(text, ("سعد الكرخي", "PER"), ("سعد الكرخي", "PER")), null));
        var e = Assert.Single(catalog.Entities());
        Assert.Equal("سعد الكرخي", e.Name);
        Assert.Equal("PER", e.Type);
        Assert.Null(e.NameEn);
    }
}
