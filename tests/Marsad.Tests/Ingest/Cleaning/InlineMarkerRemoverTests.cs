using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Tests.Ingest.Cleaning;

public class InlineMarkerRemoverTests
{
    private static readonly InlineMarkerRemover Remover = new(BoilerplateLexicon.Default);

    [Fact]
    public void AdTokenGluedToASentenceIsCut()
    {
        var removed = new List<Removal>();
        Assert.Equal("وانتهى الاجتماع مساء أمس.", Remover.Strip("وانتهى الاجتماع مساء أمس.[ads1]", removed));
        Assert.Equal(new Removal("[ads1]", RemovalReason.Ad), Assert.Single(removed));
    }

    [Fact]
    public void PlaceholderInTheMiddleClosesUp()
    {
        var removed = new List<Removal>();
        Assert.Equal("قبل بعد", Remover.Strip("قبل {banner_top} بعد", removed));
    }

    [Fact]
    public void EditorialBracketsAndFootnotesStay()
    {
        var removed = new List<Removal>();
        Assert.Equal("قال [الوزير] إن الخطة جاهزة [1]", Remover.Strip("قال [الوزير] إن الخطة جاهزة [1]", removed));
        Assert.Empty(removed);
    }
}
