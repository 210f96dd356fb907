using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Storage.Search;

namespace Marsad.Tests.Search;

public class ArabicSearchAnalyzerTests
{
    private static readonly ArabicSearchAnalyzer Analyzer = new();

    internal static List<string> Terms(string text) => Tokens(text).Select(t => t.Term).ToList();

    internal static List<(string Term, int Start, int End)> Tokens(string text)
    {
        var result = new List<(string, int, int)>();
        using var stream = Analyzer.GetTokenStream(SearchFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return result;
    }

    private static void AllSame(params string[] words)
    {
        var terms = words.Select(w => Assert.Single(Terms(w))).ToArray();
        Assert.All(terms, t => Assert.Equal(terms[0], t));
    }

    [Fact]
    public void ArticleAndPrepositionsMeetTheBareWord() => AllSame("كتاب", "الكتاب", "وبالكتاب", "للكتاب", "بكتاب");

    [Fact]
    public void PluralWithCliticsMeets() => AllSame("القوات", "للقوات", "والقوات", "قوات", "بالقوات");

    [Fact]
    public void HamzaAlefVariantsMeet() => AllSame("أعلن", "اعلن", "إعلن");

    [Fact]
    public void MaddaAlefMeetsBareAlef() => AllSame("آلاف", "الاف");

    [Fact]
    public void AlefMaqsuraMeetsYa() => AllSame("مستشفى", "مستشفي");

    [Fact]
    public void TaMarbutaMeetsHa() => AllSame("مدرسة", "مدرسه", "المدرسة", "والمدرسه");

    [Fact]
    public void DiacriticsAndTatweelAreIgnored() => AllSame("كِتَاب", "كتـــاب", "كتاب");

    [Fact]
    public void PronounEncliticIsCut() => AllSame("حكومتها", "الحكومة", "حكومة");

    [Fact]
    public void FeminineAndPluralSuffixesMeet() => AllSame("العراقية", "عراقي", "العراق");

    [Fact]
    public void AccusativeAlefIsCut() => AllSame("هجوماً", "هجوما", "الهجوم");

    [Fact]
    public void StopWordsAreDropped() => Assert.Equal(Terms("الكتاب"), Terms("في الكتاب وفي هذا"));

    [Fact]
    public void OffsetsCoverTheWholeWordAsWritten()
    {
        const string text = "قرأتُ وبالكتابِ";
        var token = Tokens(text)[^1];
        Assert.Equal("وبالكتابِ", text[token.Start..token.End]);
    }

    [Fact]
    public void NumbersBecomeAsciiAndLatinIsLowercased() => Assert.Equal(["2024", "cnn"], Terms("٢٠٢٤ CNN"));

    [Fact]
    public void PunctuationMakesNoTerm() => Assert.Empty(Terms("«،.!»"));

    [Fact]
    public void EmptyTextGivesNoTerm() => Assert.Empty(Terms(""));
}
