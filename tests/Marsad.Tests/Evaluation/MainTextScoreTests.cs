using Marsad.Evaluation;

namespace Marsad.Tests.Evaluation;

public class MainTextScoreTests
{
    [Fact]
    public void IdenticalTextsScoreOneWhateverTheirSpacing()
    {
        var score = MainTextScore.Of("عنوان الخبر\nالفقرة  الأولى.", "عنوان الخبر الفقرة\nالأولى.");
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void KeptBoilerplateCostsPrecisionByItsCharacters()
    {
        var score = MainTextScore.Of("نص المقال\nالأكثر قراءة", "نص المقال");
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(8.0 / 19, score.Precision, 3);
    }

    [Fact]
    public void LostTextCostsRecallAndOrderCounts()
    {
        var lost = MainTextScore.Of("الفقرة الأولى", "الفقرة الأولى والثانية");
        Assert.Equal(1.0, lost.Precision);
        Assert.True(lost.Recall < 1);

        // Words out of order match only along one common subsequence.
        Assert.True(MainTextScore.Of("ب أ", "أ ب").F1 < 1);
    }

    [Fact]
    public void EmptyExtractionOfAnEmptyPageIsPerfect() => Assert.Equal(1.0, MainTextScore.Of("", "").F1);
}
