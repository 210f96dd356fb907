using Marsad.Arabic;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Arabic;

public class CliticSegmenterTests
{
    /// <summary>The word's normalized form as proclitics+stem+enclitic.</summary>
    private static string Split(string word)
    {
        var s = CliticSegmenter.Default.Segment(word);
        var n = ArabicNormalizer.Normalize(word);
        return $"{n[..s.PrefixLength]}+{n[s.PrefixLength..(n.Length - s.SuffixLength)]}+{n[(n.Length - s.SuffixLength)..]}";
    }

    [Theory]
    [InlineData("والحكومة", "وال+حكومه+")]
    [InlineData("وقال", "و+قال+")]
    [InlineData("ووزير", "و+وزير+")]
    public void ConjunctionWaw(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("فالحكومة", "فال+حكومه+")]
    [InlineData("فقد", "ف+قد+")]
    public void ConjunctionFa(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("بالعراق", "بال+عراق+")]
    [InlineData("بأنه", "ب+ان+ه")]
    public void PrepositionBa(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("لإيران", "ل+ايران+")]
    [InlineData("لتنظيم", "ل+تنظيم+")]
    public void PrepositionLam(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("للحكومة", "لل+حكومه+")]
    [InlineData("وللمرة", "ولل+مره+")]
    [InlineData("فللسلام", "فلل+سلام+")]
    public void LamWithArticleIsWrittenLamLam(string word, string expected) => Assert.Equal(expected, Split(word));

    [Fact]
    public void LamBeforeAWordStartingWithLamIsNoArticle() => Assert.Equal("ل+ليبيا+", Split("لليبيا"));

    [Theory]
    [InlineData("كالعادة", "كال+عاده+")]
    public void PrepositionKaf(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("سيكون", "س+يكون+")]
    [InlineData("وستعقد", "وس+تعقد+")]
    public void FutureSin(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("سيارة")]
    [InlineData("ستة")]
    [InlineData("سنة")]
    public void SinStartingANounStays(string word) => Assert.Equal(0, CliticSegmenter.Default.Segment(word).PrefixLength);

    [Theory]
    [InlineData("الحكومة", "ال+حكومه+")]
    [InlineData("وبالتالي", "وبال+تالي+")]
    public void Article(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("ألمانيا")]
    [InlineData("إلغاء")]
    [InlineData("آلاف")]
    public void HamzaAlefIsNoArticle(string word) => Assert.Equal(default, CliticSegmenter.Default.Segment(word));

    [Theory]
    [InlineData("كتابه", "+كتاب+ه")]
    [InlineData("منه", "+من+ه")]
    public void EncliticHa(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("حكومتها", "+حكومت+ها")]
    [InlineData("فيها", "+في+ها")]
    public void EncliticHaa(string word, string expected) => Assert.Equal(expected, Split(word));

    [Theory]
    [InlineData("منهم", "+من+هم")]
    [InlineData("قادتهم", "+قادت+هم")]
    public void EncliticHum(string word, string expected) => Assert.Equal(expected, Split(word));

    [Fact]
    public void EncliticHuma() => Assert.Equal("+بين+هما", Split("بينهما"));

    [Fact]
    public void EncliticHunna() => Assert.Equal("+علي+هن", Split("عليهن"));

    [Fact]
    public void EncliticKa() => Assert.Equal("+علي+ك", Split("عليك"));

    [Fact]
    public void EncliticKum() => Assert.Equal("+يمكن+كم", Split("يمكنكم"));

    [Fact]
    public void EncliticKuma() => Assert.Equal("+علي+كما", Split("عليكما"));

    [Fact]
    public void EncliticKunna() => Assert.Equal("+علي+كن", Split("عليكن"));

    [Fact]
    public void EncliticNa() => Assert.Equal("+لدي+نا", Split("لدينا"));

    [Fact]
    public void EncliticNi() => Assert.Equal("+يمكن+ني", Split("يمكنني"));

    [Fact]
    public void EncliticYa() => Assert.Equal("+حكومت+ي", Split("حكومتي"));

    [Theory]
    [InlineData("العراقي")]
    [InlineData("لبناني")]
    [InlineData("إيراني")]
    public void NisbaYaIsNoEnclitic(string word) => Assert.Equal(0, CliticSegmenter.Default.Segment(word).SuffixLength);

    [Theory]
    [InlineData("الحكومة")]
    [InlineData("مدينة")]
    [InlineData("مصطفى")]
    [InlineData("شاطئ")]
    public void TaMarbutaAndAlefMaqsuraAreNoEnclitics(string word) => Assert.Equal(0, CliticSegmenter.Default.Segment(word).SuffixLength);

    [Theory]
    [InlineData("بغداد")]
    [InlineData("بابل")]
    [InlineData("كونيكو")]
    [InlineData("والي")]
    [InlineData("فلسطين")]
    [InlineData("لبنان")]
    [InlineData("كركوك")]
    [InlineData("بلد")]
    [InlineData("بيان")]
    [InlineData("كان")]
    [InlineData("كما")]
    [InlineData("الذي")]
    [InlineData("ذلك")]
    public void GuardWordsStayWhole(string word) => Assert.Equal(default, CliticSegmenter.Default.Segment(word));

    [Fact]
    public void GuardWordAfterAProcliticStaysWhole() => Assert.Equal("و+بغداد+", Split("وبغداد"));

    [Fact]
    public void GuardWordTakesAnEnclitic() => Assert.Equal("+لدي+ه", Split("لديه"));

    [Theory]
    [InlineData("وزارة")]
    [InlineData("فريق")]
    [InlineData("بحث")]
    [InlineData("كبير")]
    [InlineData("وطن")]
    public void StemLettersAreNotProclitics(string word) => Assert.Equal(0, CliticSegmenter.Default.Segment(word).PrefixLength);

    [Theory]
    [InlineData("وه")]
    [InlineData("به")]
    [InlineData("بي")]
    public void ShortWordsStayWhole(string word) => Assert.Equal(default, CliticSegmenter.Default.Segment(word));

    [Fact]
    public void DiacritizedWordIsSegmentedLikeBareWord() => Assert.Equal(Split("والحكومة"), Split("وَالحُكُومَةُ"));

    [Fact]
    public void SegmentAllAlignsWithTokens()
    {
        const string text = "وقال المتحدث باسم الجيش: قتل 5 منهم.";
        var normalized = ArabicNormalizer.NormalizeWithMap(text);
        var tokens = ArabicTokenizer.Tokenize(text, normalized);
        var segments = CliticSegmenter.Default.SegmentAll(text, normalized, tokens);
        Assert.Equal(tokens.Length, segments.Length);
        Assert.Equal(new Segmentation(1, 0), segments[0]);
        Assert.Equal(default, segments[Array.FindIndex(tokens, t => t.Kind == TokenKind.Number)]);
        Assert.Equal(new Segmentation(0, 2), segments[Array.FindIndex(tokens, t => t.Span.Of(text) == "منهم")]);
    }

    [Fact]
    public void EmptyAndLatinWordsStayWhole()
    {
        Assert.Equal(default, CliticSegmenter.Default.Segment(""));
        Assert.Equal(default, CliticSegmenter.Default.Segment("Washington"));
    }

    /// <summary>
    /// ANERcorp test names: a name token that is itself in ANERGazet keeps its first letter, and a token that is a
    /// proclitic plus such a name loses exactly that proclitic (or it plus the name's article).
    /// </summary>
    [SharedFact]
    public void AnercorpNamesAreSegmentedCorrectly()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SharedData.Path("data", "anercorp", "gazetteer"), "*.txt"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var w = ArabicNormalizer.Normalize(line.Trim());
                if (w.Length >= 3 && !w.Contains(' ') && w.All(ArabicTokenizer.IsArabicLetter))
                {
                    names.Add(w);
                }
            }
        }

        string[] proclitics = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];
        int total = 0, correct = 0;
        foreach (var line in File.ReadLines(SharedData.Path("data", "anercorp", "test.txt")))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || parts[1] == "O")
            {
                continue;
            }

            var n = ArabicNormalizer.Normalize(parts[0]);
            if (n.Length < 3 || !n.All(ArabicTokenizer.IsArabicLetter) || n.StartsWith("ال", StringComparison.Ordinal))
            {
                continue;
            }

            var prefix = CliticSegmenter.Default.Segment(parts[0]).PrefixLength;
            if (names.Contains(n))
            {
                if ("وفبلك".Contains(n[0]))
                {
                    total++;
                    correct += prefix == 0 ? 1 : 0;
                }

                continue;
            }

            foreach (var p in proclitics)
            {
                if (n.StartsWith(p, StringComparison.Ordinal) && n.Length - p.Length >= 3 && names.Contains(n[p.Length..]))
                {
                    total++;
                    var withArticle = n[p.Length..].StartsWith("ال", StringComparison.Ordinal) && prefix == p.Length + 2;
                    correct += prefix == p.Length || withArticle ? 1 : 0;
                    break;
                }
            }
        }

        Assert.True(total > 200, $"only {total} name tokens found");
        Assert.True(correct >= total * 0.95, $"{correct}/{total} name tokens segmented correctly");
    }
}
