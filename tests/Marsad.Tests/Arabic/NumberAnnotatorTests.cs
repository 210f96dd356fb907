using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Tests.Arabic;

public class NumberAnnotatorTests
{
    [Fact]
    public void AddsNumbers()
    {
        var doc = new Document("d1", "قتل نحو ثلاثين شخصا وأصيب 12 آخرون.");
        new TokenAnnotator().Annotate(doc);
        new NumberAnnotator().Annotate(doc);
        var numbers = doc.Get(Layers.Numbers);
        Assert.Equal([30m, 12m], numbers.Select(n => n.Value));
        Assert.Equal("نحو ثلاثين", numbers[0].Span.Of(doc.Text));
    }

    [Fact]
    public void WithoutTokenLayersItSaysWhatIsMissing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NumberAnnotator().Annotate(new Document("d2", "ثلاثة")));
        Assert.Contains("normalized", ex.Message, StringComparison.Ordinal);
    }
}
