using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class WordClusterBuilderTests
{
    private static IEnumerable<string> Texts()
    {
        string[] cities = ["دمشق", "بغداد", "عمان", "بيروت"];
        string[] verbs = ["وصل", "سافر", "عاد", "توجه"];
        for (var i = 0; i < 200; i++)
        {
            yield return $"{verbs[i % 4]} الوفد الى {cities[(i / 4) % 4]} امس .";
        }
    }

    [Fact]
    public void EveryVocabularyWordGetsABitString()
    {
        var result = new WordClusterBuilder(new WordClusterOptions(VocabularySize: 100, Classes: 4), _ => { }).Build(Texts());
        Assert.Equal(12, result.Count);
        Assert.All(result, r => Assert.Matches("^[01]+$", r.Bits));
        Assert.Equal(200, result.Single(r => r.Word == "الوفد").Count);
    }

    [Fact]
    public void WordsInTheSameContextsShareAClass()
    {
        var result = new WordClusterBuilder(new WordClusterOptions(VocabularySize: 100, Classes: 4), _ => { }).Build(Texts());
        var bits = result.ToDictionary(r => r.Word, r => r.Bits);
        Assert.Equal(bits["دمشق"], bits["بغداد"]);
        Assert.Equal(bits["وصل"], bits["عاد"]);
        Assert.NotEqual(bits["دمشق"], bits["وصل"]);
    }
}
