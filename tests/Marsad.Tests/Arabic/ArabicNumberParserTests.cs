using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Tests.Arabic;

public class ArabicNumberParserTests
{
    private static NumberMention One(string text) => Assert.Single(ArabicNumberParser.Default.Parse(text));

    private static void AssertValue(string text, decimal value, bool approx = false)
    {
        var m = One(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(approx, m.Approx);
    }

    [Theory]
    [InlineData("قتل 25 شخصا", 25)]
    [InlineData("قتل ٢٥ شخصا", 25)]
    [InlineData("قتل ۲۵ شخصا", 25)]
    public void DigitsOfEveryScript(string text, decimal value) => AssertValue(text, value);

    [Theory]
    [InlineData("نشر 2,500 جندي", 2500)]
    [InlineData("نشر ٢٬٥٠٠ جندي", 2500)]
    [InlineData("نشر 1.000.000 جندي", 1000000)]
    [InlineData("نما 2.5 بالمئة", 2.5)]
    [InlineData("نما ٢٫٥ بالمئة", 2.5)]
    [InlineData("نما 2,5 بالمئة", 2.5)]
    [InlineData("بلغ 1,234.5 دولار", 1234.5)]
    public void DigitSeparators(string text, decimal value) => AssertValue(text, value);

    [Theory]
    [InlineData("12.5.2024")]
    [InlineData("1,23,4")]
    public void MalformedGroupingIsNoNumber(string digits) => Assert.False(ArabicNumberParser.TryParseDigits(digits, out _));

    [Fact]
    public void YearsAreNumbers() => AssertValue("في عام 2024", 2024);

    [Theory]
    [InlineData("قتل ثلاثة جنود", 3)]
    [InlineData("أصيب أربعة أشخاص", 4)]
    [InlineData("مرت عشرة أيام", 10)]
    [InlineData("خلال ثلاث سنوات", 3)]
    public void UnitWords(string text, decimal value)
    {
        AssertValue(text, value);
        Assert.True(One(text).IsWords);
    }

    [Theory]
    [InlineData("قتل خمسة عشر جنديا", 15)]
    [InlineData("بعد أحد عشر يوما", 11)]
    [InlineData("في اثنتي عشرة مدينة", 12)]
    public void Teens(string text, decimal value) => AssertValue(text, value);

    [Theory]
    [InlineData("أسر عشرون مقاتلا", 20)]
    [InlineData("أسر خمسة وعشرون مقاتلا", 25)]
    public void TensWithUnitsFirst(string text, decimal value) => AssertValue(text, value);

    [Theory]
    [InlineData("نحو مئة", 100)]
    [InlineData("مائة جندي", 100)]
    [InlineData("مئتين من الجنود", 200)]
    [InlineData("ثلاث مئة جندي", 300)]
    [InlineData("خمسمائة جندي", 500)]
    [InlineData("مئة وخمسون جنديا", 150)]
    public void Hundreds(string text, decimal value) => AssertValue(text, value, text.StartsWith("نحو", StringComparison.Ordinal));

    [Theory]
    [InlineData("ألف جندي", 1000)]
    [InlineData("ألفين جندي", 2000)]
    [InlineData("ثلاثة آلاف جندي", 3000)]
    [InlineData("ألفين وخمسمائة جندي", 2500)]
    [InlineData("مئة ألف نازح", 100000)]
    [InlineData("مليون نازح", 1000000)]
    [InlineData("ثلاثة ملايين نازح", 3000000)]
    [InlineData("مليون ومئتي ألف نازح", 1200000)]
    [InlineData("نصف مليون نازح", 500000)]
    public void Scales(string text, decimal value) => AssertValue(text, value);

    [Theory]
    [InlineData("2.5 مليون دولار", 2500000)]
    [InlineData("3 آلاف جندي", 3000)]
    [InlineData("20 ألفا", 20000)]
    public void DigitsWithScaleWords(string text, decimal value)
    {
        var m = One(text);
        Assert.Equal(value, m.Value);
        Assert.True(m.IsWords);
    }

    [Theory]
    [InlineData("عشرات الجرحى", 10)]
    [InlineData("مئات المتظاهرين", 100)]
    [InlineData("آلاف المتظاهرين", 1000)]
    [InlineData("عشرات الآلاف من المتظاهرين", 10000)]
    [InlineData("بضعة أيام", 3)]
    [InlineData("عدة مناطق", 3)]
    public void VagueQuantitiesAreApproximate(string text, decimal value) => AssertValue(text, value, approx: true);

    [Theory]
    [InlineData("وثلاثة جنود", 3)]
    [InlineData("بثلاث قذائف", 3)]
    [InlineData("وبخمسة صواريخ", 5)]
    public void NumberWordsWithProclitics(string text, decimal value) => AssertValue(text, value);

    [Theory]
    [InlineData("الثلاثة")]
    [InlineData("يوم الاثنين")]
    [InlineData("الخميس")]
    public void DefiniteNumberWordsAndWeekdaysAreNoQuantities(string text) => Assert.Empty(ArabicNumberParser.Default.Parse(text));

    [Theory]
    [InlineData("قتل نحو 30 شخصا", "نحو 30")]
    [InlineData("قتل زهاء 30 شخصا", "زهاء 30")]
    [InlineData("قتل قرابة 30 شخصا", "قرابة 30")]
    [InlineData("قتل حوالى 30 شخصا", "حوالى 30")]
    [InlineData("قتل حوالي ثلاثين شخصا", "حوالي ثلاثين")]
    [InlineData("قتل أكثر من 30 شخصا", "أكثر من 30")]
    [InlineData("قتل ما يقارب 30 شخصا", "ما يقارب 30")]
    [InlineData("قتل ما لا يقل عن 30 شخصا", "ما لا يقل عن 30")]
    [InlineData("قتل أقل من 30 شخصا", "أقل من 30")]
    [InlineData("قدرت بنحو 30 مليون دولار", "بنحو 30 مليون")]
    [InlineData("قتل 30 شخصا تقريبا", "30")]
    [InlineData("قتل ثلاثون تقريبا", "ثلاثون تقريبا")]
    public void ApproximatorsAreInsideTheSpan(string text, string expected)
    {
        var m = One(text);
        Assert.Equal(expected, m.Span.Of(text));
        Assert.True(m.Approx);
    }

    [Fact]
    public void TwoNumbersSideBySideStaySeparate()
    {
        var mentions = ArabicNumberParser.Default.Parse("بين ثلاثة وأربعة آلاف، قتل 5 و7 جرحى");
        Assert.Equal([3m, 4000m, 5m, 7m], mentions.Select(m => m.Value));
    }

    [Fact]
    public void EmptyAndNonArabicInput()
    {
        Assert.Empty(ArabicNumberParser.Default.Parse(""));
        var m = Assert.Single(ArabicNumberParser.Default.Parse("Reuters said 12 people died"));
        Assert.Equal(12m, m.Value);
    }

    [Fact]
    public void RandomTextGivesValidSpans()
    {
        var random = new Random(11);
        var words = new[] { "ثلاثة", "آلاف", "و", "وخمسمائة", "نحو", "عشرات", "الآلاف", "2.5", "مليون", "٣", "،", "عشر", "أحد", "نصف", "تقريبا", "ما", "لا", "يقل", "عن", "x" };
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => words[random.Next(words.Length)]));
            foreach (var m in ArabicNumberParser.Default.Parse(text))
            {
                Assert.InRange(m.Span.Start, 0, text.Length);
                Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length);
            }
        }
    }
}
