using Marsad.Arabic;

namespace Marsad.Tests.Arabic;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إيران", "ايران")]
    [InlineData("آلاف", "الاف")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("الحكومة", "الحكومه")]
    [InlineData("مسؤول", "مسوول")]
    [InlineData("رئيس", "رييس")]
    public void LetterFormsBecomeMatchingForms(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void DiacriticsAndTatweelAreRemoved() =>
        Assert.Equal("مسيره", ArabicNormalizer.Normalize("مسيّـــرَة"));

    [Fact]
    public void EasternDigitsBecomeAscii() =>
        Assert.Equal("2024 1445", ArabicNormalizer.Normalize("٢٠٢٤ ۱۴۴۵"));

    [Fact]
    public void PresentationFormsFold() =>
        Assert.Equal("ع", ArabicNormalizer.Normalize("\uFECB"));

    [Fact]
    public void EmptyAndLatinInputPassThrough()
    {
        Assert.Equal("", ArabicNormalizer.Normalize(""));
        Assert.Equal("Reuters 2024", ArabicNormalizer.Normalize("Reuters 2024"));
    }

    [Fact]
    public void MapPointsBackToTheOriginal()
    {
        const string text = "قالَ الوزيـر";
        var n = ArabicNormalizer.NormalizeWithMap(text);
        Assert.Equal("قال الوزير", n.Text);
        var i = n.Text.IndexOf("الوزير", StringComparison.Ordinal);
        Assert.Equal("الوزيـر", n.MapToOriginal(i, i + 6).Of(text));
    }
}
