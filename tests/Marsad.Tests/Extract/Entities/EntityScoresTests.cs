using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class EntityScoresTests
{
    [Fact]
    public void ExactSpanAndTypeCountAsCorrect()
    {
        var scores = new EntityScores();
        scores.Add(["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "I-PERS", "O", "B-ORG"]);
        Assert.Equal(2, scores.Gold);
        Assert.Equal(2, scores.Predicted);
        Assert.Equal(1, scores.Correct);
        Assert.Equal(0.5, scores.F1, 6);
    }

    [Fact]
    public void PartialSpanIsWrong()
    {
        var scores = new EntityScores();
        scores.Add(["B-PERS", "I-PERS"], ["B-PERS", "O"]);
        Assert.Equal(0, scores.Correct);
        Assert.Equal(0, scores.F1);
    }

    [Fact]
    public void PerTypeScoresAreReported()
    {
        var scores = new EntityScores();
        scores.Add(["B-LOC", "O", "B-ORG"], ["B-LOC", "O", "O"]);
        Assert.Equal(1.0, scores.ForType("LOC").F1, 6);
        Assert.Equal(0.0, scores.ForType("ORG").F1, 6);
        Assert.Contains("micro", scores.Report());
    }
}
