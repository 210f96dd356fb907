using Marsad.Arabic;
using Marsad.Model;

namespace Marsad.Tests.Arabic;

public class SentenceSplitterTests
{
    private static string[] Split(string text, SentenceSplitter? splitter = null) =>
        (splitter ?? SentenceSplitter.Default).Split(text).Select(s => s.Span.Of(text)).ToArray();

    [Fact]
    public void FullStopsAndQuestionMarksEndSentences() =>
        Assert.Equal(["وصل الوفد أمس.", "هل يتفقون؟", "لا أحد يعرف!"], Split("وصل الوفد أمس. هل يتفقون؟ لا أحد يعرف!"));

    [Fact]
    public void LineBreakAlwaysEndsASentence() =>
        Assert.Equal(["عنوان الخبر", "بدأت الجلسة صباحا"], Split("عنوان الخبر\nبدأت الجلسة صباحا"));

    [Fact]
    public void SemicolonIsNoBoundaryByDefault() =>
        Assert.Single(Split("أغلقت الطرق؛ بسبب الأمطار الغزيرة."));

    [Fact]
    public void SemicolonEndsSentenceWhenAsked() =>
        Assert.Equal(2, Split("أغلقت الطرق؛ بسبب الأمطار.", new SentenceSplitter(WordLexicon.Empty, new SentenceSplitterOptions(SemicolonEndsSentence: true))).Length);

    [Fact]
    public void EllipsisEndsASentence() =>
        Assert.Equal(["انتظر الجميع..", "ثم جاء الخبر."], Split("انتظر الجميع.. ثم جاء الخبر."));

    [Fact]
    public void EllipsisBeforeACommaDoesNot() =>
        Assert.Single(Split("قال إن الأمر ... ، ثم سكت."));

    [Theory]
    [InlineData("قال د. أحمد إن الوضع مستقر.")]
    [InlineData("ولد عام 570 م. في مكة.")]
    [InlineData("وصل J. Smith أمس.")]
    [InlineData("قال Dr. Smith إن الوضع مستقر.")]
    public void AbbreviationDotsDoNotEndSentences(string text) => Assert.Single(Split(text));

    [Fact]
    public void DecimalNumbersDoNotEndSentences() =>
        Assert.Equal(["ارتفع النمو 2.5 في المئة.", "وهذا جيد."], Split("ارتفع النمو 2.5 في المئة. وهذا جيد."));

    [Fact]
    public void DomainDotsDoNotEndSentences() => Assert.Single(Split("نشر الخبر على bbc.com أمس."));

    [Fact]
    public void ListNumberAtLineStartIsNoSentence() => Assert.Equal(["1. البند الأول"], Split("1. البند الأول"));

    [Fact]
    public void ClosingGuillemetStaysWithTheSentence() =>
        Assert.Equal(["قال الوزير: «انتهى الأمر.»", "ثم غادر."], Split("قال الوزير: «انتهى الأمر.» ثم غادر."));

    [Fact]
    public void ClosingCurlyQuoteStaysWithTheSentence() =>
        Assert.Equal(["قال: “لن نتراجع!”", "وانصرف."], Split("قال: “لن نتراجع!” وانصرف."));

    [Fact]
    public void ClosingStraightQuoteStaysWithTheSentence() =>
        Assert.Equal(["قال: \"لن نتراجع.\"", "وانصرف."], Split("قال: \"لن نتراجع.\" وانصرف."));

    [Fact]
    public void QuotationThatContinuesIsNotSplit() =>
        Assert.Single(Split("قال: «انتهى الأمر. وسنواصل العمل» ثم غادر."));

    [Fact]
    public void UnclosedQuoteEndsAtTheLineBreak() =>
        Assert.Equal(2, Split("قال: «انتهى الأمر. وسنواصل\nسطر جديد.").Length);

    [Fact]
    public void RepeatedEndMarksStayTogether() =>
        Assert.Equal(["هل هذا معقول؟!", "نعم."], Split("هل هذا معقول؟! نعم."));

    [Fact]
    public void EmptyAndNonArabicInput()
    {
        Assert.Empty(Split(""));
        Assert.Empty(Split("  \n "));
        Assert.Equal(["It rained.", "Roads closed."], Split("It rained. Roads closed."));
    }

    [Fact]
    public void RandomTextGivesOrderedSpans()
    {
        var random = new Random(7);
        const string alphabet = "ابتثجح دخ.؟!؛«»“”\"\n 0123456789.,م";
        for (var round = 0; round < 200; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var sentences = SentenceSplitter.Default.Split(text);
            var previousEnd = 0;
            foreach (var s in sentences)
            {
                Assert.InRange(s.Span.Start, previousEnd, text.Length);
                Assert.InRange(s.Span.End, s.Span.Start + 1, text.Length);
                previousEnd = s.Span.End;
            }
        }
    }

    [Fact]
    public void AnUnpunctuatedRunIsCutIntoWindowsOfTheLongestSentence()
    {
        var text = string.Join(' ', Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? "الحكومة" : "قال"));
        var splitter = new SentenceSplitter(WordLexicon.Empty, new SentenceSplitterOptions(MaxSentenceTokens: 600));

        var sentences = splitter.Split(text);

        Assert.Equal([600, 600, 600, 200], sentences.Select(s => s.Span.Of(text).Split(' ').Length));
        Assert.Equal(text, string.Join(' ', sentences.Select(s => s.Span.Of(text))));
    }

    [Fact]
    public void AnOverlongSentenceIsCutAfterAClauseMarkNearTheLimit()
    {
        var words = Enumerable.Range(0, 30).Select(_ => "كلمة").ToArray();
        words[20] = "فاصلة،";
        var text = string.Join(' ', words);
        var splitter = new SentenceSplitter(WordLexicon.Empty, new SentenceSplitterOptions(MaxSentenceTokens: 25));

        var sentences = Split(text, splitter);

        Assert.Equal(2, sentences.Length);
        Assert.EndsWith("فاصلة،", sentences[0], StringComparison.Ordinal);
    }
}
