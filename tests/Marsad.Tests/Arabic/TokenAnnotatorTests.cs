using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Tests.Arabic;

public class TokenAnnotatorTests
{
    [Fact]
    public void AddsNormalizedTokensAndAlignedSegments()
    {
        var doc = new Document("d1", "وقال الوزيرُ إن ٣ جنود قتلوا.");
        new TokenAnnotator().Annotate(doc);
        Assert.True(doc.TryGet(Layers.Normalized, out var normalized));
        Assert.StartsWith("وقال الوزير", normalized.Text, StringComparison.Ordinal);
        var tokens = doc.Get(Layers.Tokens);
        var segments = doc.Get(Layers.Segments);
        Assert.Equal(tokens.Count, segments.Count);
        Assert.Equal(new Segmentation(1, 0), segments[0]);
        Assert.Equal("الوزيرُ", tokens[1].Span.Of(doc.Text));
    }

    [Fact]
    public void EmptyDocumentGetsEmptyLayers()
    {
        var doc = new Document("d0", "");
        new TokenAnnotator().Annotate(doc);
        Assert.Empty(doc.Get(Layers.Tokens));
        Assert.Empty(doc.Get(Layers.Segments));
    }
}
