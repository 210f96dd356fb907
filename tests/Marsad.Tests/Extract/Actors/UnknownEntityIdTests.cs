using Marsad.Extract.Actors;

namespace Marsad.Tests.Extract.Actors;

public sealed class UnknownEntityIdTests
{
    [Fact]
    public void SameNameAndTypeGiveTheSameId() => Assert.Equal(UnknownEntityId.For("ORG", "لجنة التحقيق"), UnknownEntityId.For("ORG", "لجنة  التحقيق"));

    [Fact]
    public void SpellingVariantsShareTheId() => Assert.Equal(UnknownEntityId.For("PER", "أحمد"), UnknownEntityId.For("PER", "احمد"));

    [Fact]
    public void IdIsFixedAcrossRuns() => Assert.Matches("^x-per-[0-9a-f]{10}$", UnknownEntityId.For("PER", "سعد الكرخي"));
}
