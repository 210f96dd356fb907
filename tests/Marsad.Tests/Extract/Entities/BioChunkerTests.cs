using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class BioChunkerTests
{
    [Fact]
    public void BeginAndInsideFormOneChunk()
    {
        Assert.Equal([new EntityMention(1, 3, "PERS")], BioChunker.Chunks(["O", "B-PERS", "I-PERS", "O"]));
    }

    [Fact]
    public void InsideAfterOutsideStartsAChunk()
    {
        Assert.Equal([new EntityMention(1, 2, "LOC")], BioChunker.Chunks(["O", "I-LOC"]));
    }

    [Fact]
    public void TypeChangeSplitsChunks()
    {
        Assert.Equal([new EntityMention(0, 1, "ORG"), new EntityMention(1, 2, "LOC")], BioChunker.Chunks(["B-ORG", "I-LOC"]));
    }

    [Fact]
    public void AdjacentBeginsAreSeparateChunks()
    {
        Assert.Equal(2, BioChunker.Chunks(["B-LOC", "B-LOC"]).Count);
    }

    [Fact]
    public void ChunkAtSentenceEndIsClosed()
    {
        Assert.Equal([new EntityMention(2, 4, "MISC")], BioChunker.Chunks(["O", "O", "B-MISC", "I-MISC"]));
    }
}
