using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class DocumentHintsTests
{
    private static readonly NerFeatureExtractor Extractor = new(new NerLexicon([], [], ["وال", "ال", "و"]));

    private static readonly string[] Types = ["LOC", "MISC", "ORG", "PERS"];

    [Fact]
    public void OtherMentionTaggedAsPersonGivesPersonHint()
    {
        IReadOnlyList<string>[] sentences = [["قال", "كرامبلتون"], ["وكرامبلتون", "هنا"]];
        IReadOnlyList<string>[] first = [["O", "B-PERS"], ["O", "O"]];
        var hints = DocumentHints.Compute(sentences, first, Extractor, Types);
        Assert.Equal(1 + (2 * 3) + 1, hints[1][0]);
    }

    [Fact]
    public void OwnMentionIsNotCounted()
    {
        IReadOnlyList<string>[] sentences = [["كرامبلتون"]];
        IReadOnlyList<string>[] first = [["B-PERS"]];
        Assert.Equal(0, DocumentHints.Compute(sentences, first, Extractor, Types)[0][0]);
    }

    [Fact]
    public void WordNeverTaggedGetsTheNeverHint()
    {
        IReadOnlyList<string>[] sentences = [["الوضع"], ["الوضع"], ["الوضع"]];
        IReadOnlyList<string>[] first = [["O"], ["O"], ["O"]];
        Assert.Equal(DocumentHints.NeverEntity, DocumentHints.Compute(sentences, first, Extractor, Types)[0][0]);
    }

    [Fact]
    public void ShortWordsGetNoHint()
    {
        IReadOnlyList<string>[] sentences = [["في"], ["في"], ["في"]];
        IReadOnlyList<string>[] first = [["O"], ["O"], ["O"]];
        Assert.Equal(0, DocumentHints.Compute(sentences, first, Extractor, Types)[0][0]);
    }
}
