using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Tests.Arabic;

public class ArabicTokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokens(string text) =>
        ArabicTokenizer.Tokenize(text).Select(t => (t.Span.Of(text), t.Kind)).ToArray();

    [Fact]
    public void WordsAndPunctuationGetOriginalOffsets()
    {
        const string text = "قال الوزير، إن الاجتماع انتهى.";
        var tokens = ArabicTokenizer.Tokenize(text);
        Assert.Equal(["قال", "الوزير", "،", "إن", "الاجتماع", "انتهى", "."], tokens.Select(t => t.Span.Of(text)));
        Assert.Equal(TokenKind.Punctuation, tokens[2].Kind);
        Assert.Equal(TokenKind.Word, tokens[1].Kind);
    }

    [Fact]
    public void NormSpanPointsIntoNormalizedText()
    {
        const string text = "أعلنت الحكومةُ";
        var normalized = ArabicNormalizer.NormalizeWithMap(text);
        var tokens = ArabicTokenizer.Tokenize(text, normalized);
        Assert.Equal(["اعلنت", "الحكومه"], tokens.Select(t => t.Norm.Of(normalized.Text)));
    }

    [Fact]
    public void DiacriticsAndTatweelStayInsideTheWord()
    {
        const string text = "جَيْشُـــهُمْ قوي";
        var tokens = ArabicTokenizer.Tokenize(text);
        Assert.Equal("جَيْشُـــهُمْ", tokens[0].Span.Of(text));
        Assert.Equal(2, tokens.Length);
    }

    [Fact]
    public void ArabicIndicAndPersianDigitsAreNumbers()
    {
        var tokens = Tokens("سقط ٣٥ صاروخا و۴۵ قذيفة");
        Assert.Contains(("٣٥", TokenKind.Number), tokens);
        Assert.Contains(("۴۵", TokenKind.Number), tokens);
    }

    [Theory]
    [InlineData("2,500")]
    [InlineData("2.5")]
    [InlineData("٢٫٥")]
    [InlineData("٢٬٥٠٠")]
    [InlineData("1.000.000")]
    public void NumberSeparatorsStayInsideTheNumber(string number)
    {
        var tokens = Tokens($"بلغ {number} دولار");
        Assert.Equal((number, TokenKind.Number), tokens[1]);
        Assert.Equal(3, tokens.Length);
    }

    [Fact]
    public void TrailingSeparatorIsPunctuation()
    {
        var tokens = Tokens("عام 2024. ثم 5، 6");
        Assert.Equal([("عام", TokenKind.Word), ("2024", TokenKind.Number), (".", TokenKind.Punctuation), ("ثم", TokenKind.Word),
            ("5", TokenKind.Number), ("،", TokenKind.Punctuation), ("6", TokenKind.Number)], tokens);
    }

    [Fact]
    public void HyphenatedWordsAreSplit()
    {
        var tokens = Tokens("صاروخ أرض-أرض");
        Assert.Equal([("صاروخ", TokenKind.Word), ("أرض", TokenKind.Word), ("-", TokenKind.Punctuation), ("أرض", TokenKind.Word)], tokens);
    }

    [Fact]
    public void LatinWordsAreLatinTokens()
    {
        var tokens = Tokens("نقلت CNN عن O'Brien أن طائرة F16");
        Assert.Contains(("CNN", TokenKind.Latin), tokens);
        Assert.Contains(("O'Brien", TokenKind.Latin), tokens);
        Assert.Contains(("F16", TokenKind.Latin), tokens);
    }

    [Fact]
    public void ArabicAndLatinPunctuationAreTokens()
    {
        var tokens = Tokens("«نعم» “لا” (ربما) [هنا] هل؟ نعم! أ: ب؛ ج/د");
        foreach (var p in new[] { "«", "»", "“", "”", "(", ")", "[", "]", "؟", "!", ":", "؛", "/" })
        {
            Assert.Contains((p, TokenKind.Punctuation), tokens);
        }
    }

    [Fact]
    public void RunsOfDotsAreOneToken()
    {
        var tokens = Tokens("انتظر... ثم");
        Assert.Contains(("...", TokenKind.Punctuation), tokens);
    }

    [Fact]
    public void SymbolsAreSymbols()
    {
        var tokens = Tokens("ارتفع 5% و$ 😀");
        Assert.Contains(("%", TokenKind.Symbol), tokens);
        Assert.Contains(("$", TokenKind.Symbol), tokens);
        Assert.Contains(("😀", TokenKind.Symbol), tokens);
    }

    [Fact]
    public void ControlCharactersDoNotSplitWords()
    {
        const string text = "ال\u200Cمدينة \u200Fقريبة";
        var tokens = ArabicTokenizer.Tokenize(text);
        Assert.Equal(2, tokens.Length);
        Assert.Equal("ال\u200Cمدينة", tokens[0].Span.Of(text));
        Assert.Equal("قريبة", tokens[1].Span.Of(text));
    }

    [Fact]
    public void EmptyAndWhitespaceInputGiveNoTokens()
    {
        Assert.Empty(ArabicTokenizer.Tokenize(""));
        Assert.Empty(ArabicTokenizer.Tokenize(" \n\t "));
    }

    [Fact]
    public void NonArabicInputIsTokenized()
    {
        var tokens = Tokens("Reuters reported 3 attacks.");
        Assert.Equal([("Reuters", TokenKind.Latin), ("reported", TokenKind.Latin), ("3", TokenKind.Number), ("attacks", TokenKind.Latin), (".", TokenKind.Punctuation)], tokens);
    }

    [Fact]
    public void RandomStringsGiveValidOffsets()
    {
        var random = new Random(20240125);
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩0123456789,.٫٬،؛؟!-«»“”\"() \n\u200C\u200FabcXYZ%$\uFEFB\uFECB";
        for (var round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = random.Next(20) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var normalized = ArabicNormalizer.NormalizeWithMap(text);
            var tokens = ArabicTokenizer.Tokenize(text, normalized);
            var previousEnd = 0;
            foreach (var t in tokens)
            {
                Assert.InRange(t.Span.Start, previousEnd, text.Length);
                Assert.InRange(t.Span.End, t.Span.Start + 1, text.Length);
                Assert.InRange(t.Norm.End, t.Norm.Start + 1, normalized.Text.Length);
                previousEnd = t.Span.End;
            }
        }
    }
}
