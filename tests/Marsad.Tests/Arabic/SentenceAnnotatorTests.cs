using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Tests.Arabic;

public class SentenceAnnotatorTests
{
    [Fact]
    public void AddsSentencesFromTokens()
    {
        var doc = new Document("d1", "وصل الوفد. بدأت المحادثات\nسطر آخر");
        new TokenAnnotator().Annotate(doc);
        new SentenceAnnotator().Annotate(doc);
        Assert.Equal(["وصل الوفد.", "بدأت المحادثات", "سطر آخر"], doc.Get(Layers.Sentences).Select(s => s.Span.Of(doc.Text)));
    }
}
