using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class NerFeatureExtractorTests
{
    private static NerLexicon Lexicon() => new(
        [("بغداد", "0101", 100), ("العراق", "0110", 50), ("عراق", "0111", 5)],
        [("بغداد", GazetteerKinds.Locality), ("الامم المتحده", GazetteerKinds.Organization)],
        ["وال", "بال", "ال", "و", "ب"]);

    private static (List<ulong> Keys, List<int> Offsets) Extract(params string[] tokens)
    {
        var keys = new List<ulong>();
        var offsets = new List<int>();
        new NerFeatureExtractor(Lexicon()).Extract(tokens, keys, offsets);
        return (keys, offsets);
    }

    [Fact]
    public void EveryTokenGetsFeaturesAndOffsetsCoverThem()
    {
        var (keys, offsets) = Extract("زار", "الوزير", "بغداد", ".");
        Assert.Equal(5, offsets.Count);
        Assert.Equal(0, offsets[0]);
        Assert.Equal(keys.Count, offsets[^1]);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(offsets[i + 1] - offsets[i] > NerFeatureExtractor.IdentityFeatureCount);
        }
    }

    [Fact]
    public void GluedPunctuationDoesNotChangeWordFeatures()
    {
        var plain = Extract("في", "بغداد");
        var glued = Extract("في", "بغداد؛");
        var plainWord = plain.Keys.GetRange(plain.Offsets[1], NerFeatureExtractor.IdentityFeatureCount);
        var gluedWord = glued.Keys.GetRange(glued.Offsets[1], NerFeatureExtractor.IdentityFeatureCount);
        Assert.Equal(plainWord, gluedWord);
    }

    [Fact]
    public void DiacriticsAndHamzaFormsGiveTheSameFeatures()
    {
        Assert.Equal(Extract("أَحْمَد").Keys, Extract("احمد").Keys);
    }

    [Fact]
    public void CoreStripsPunctuationAtBothEnds()
    {
        Assert.Equal("كابول", NerFeatureExtractor.Core("(كابول؛", out var punct));
        Assert.Equal(3u, punct);
        Assert.Equal("،", NerFeatureExtractor.Core("،", out punct));
        Assert.Equal(0u, punct);
    }

    [Fact]
    public void ShapeSeparatesScriptsAndLengths()
    {
        Assert.NotEqual(NerFeatureExtractor.ShapeOf("2024"), NerFeatureExtractor.ShapeOf("بغداد"));
        Assert.NotEqual(NerFeatureExtractor.ShapeOf("cnn"), NerFeatureExtractor.ShapeOf("بغد"));
        Assert.Equal(NerFeatureExtractor.ShapeOf("بغداد"), NerFeatureExtractor.ShapeOf("سوريا"));
    }

    [Fact]
    public void MultiWordGazetteerNameFiresBeginAndInside()
    {
        var matched = Extract("قالت", "الامم", "المتحده", "امس");
        var unmatched = Extract("قالت", "الامم", "الاخري", "امس");
        Assert.True(matched.Offsets[3] - matched.Offsets[2] > unmatched.Offsets[3] - unmatched.Offsets[2]);
    }
}
