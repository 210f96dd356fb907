using Marsad.Model;

namespace Marsad.Tests.Model;

public sealed class DocumentTests
{
    [Fact]
    public void ReleaseAllButKeepsOnlyTheNamedLayers()
    {
        var document = new Document("d", "نص قصير");
        document.Set(Layers.Sentences, [new Sentence(new TextSpan(0, 7))]);
        document.Set(Layers.Times, []);
        document.ReleaseAllBut([Layers.Times]);
        Assert.Equal(["times"], document.LayerNames);
        Assert.Empty(document.Get(Layers.Sentences));
    }

    [Fact]
    public void ReleasedLayerCanBeWrittenAgain()
    {
        var document = new Document("d", "نص");
        document.Set(Layers.Sentences, []);
        document.ReleaseAllBut([]);
        document.Set(Layers.Sentences, [new Sentence(new TextSpan(0, 2))]);
        Assert.Single(document.Get(Layers.Sentences));
    }
}
