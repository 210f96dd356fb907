using Marsad.Arabic;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Arabic;

public class ArabicPipelineTests
{
    [Fact]
    public void DefaultChainIsInValidOrder()
    {
        var pipeline = new AnnotationPipeline(ArabicPipeline.Default());
        Assert.Equal(["tokens", "sentences", "numbers"], pipeline.Annotators.Select(a => a.Name));
    }

    [Fact]
    public void RunsOnMixedText()
    {
        var doc = new Document("d1", "Breaking: قُتل 3 جنود في بغداد.\nوأصيب عشرات آخرون");
        new AnnotationPipeline(ArabicPipeline.Default()).Run(doc);
        Assert.Equal(2, doc.Get(Layers.Sentences).Count);
        Assert.Equal([3m, 10m], doc.Get(Layers.Numbers).Select(n => n.Value));
    }

    [SharedFact]
    public void SeedArticlesGiveValidLayers()
    {
        var pipeline = new AnnotationPipeline(ArabicPipeline.Default());
        foreach (var path in Directory.EnumerateFiles(SharedData.SeedsDir, "*.txt"))
        {
            var doc = new Document(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
            pipeline.Run(doc);
            var tokens = doc.Get(Layers.Tokens);
            Assert.NotEmpty(tokens);
            Assert.Equal(tokens.Count, doc.Get(Layers.Segments).Count);
            Assert.All(tokens, t => Assert.InRange(t.Span.End, t.Span.Start + 1, doc.Text.Length));
            Assert.All(doc.Get(Layers.Sentences), s => Assert.InRange(s.Span.End, s.Span.Start + 1, doc.Text.Length));
            Assert.NotEmpty(doc.Get(Layers.Numbers));
        }
    }
}
