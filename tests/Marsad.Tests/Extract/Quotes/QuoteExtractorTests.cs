using Marsad.Extract.Quotes;
using Marsad.Tests.Extract.Events;

namespace Marsad.Tests.Extract.Quotes;

public sealed class QuoteExtractorTests
{
    [Fact]
    public void DirectQuoteAfterSpeechVerbNamesItsSubject()
    {
        var d = EventTestText.Analyze("وقال السوداني: «الحكومة ماضية في برنامجها».");

        var q = Assert.Single(QuoteExtractor.Default.Extract(d));

        Assert.Equal("sudani", q.Speaker);
        Assert.Null(q.Via);
        Assert.Equal("قال", q.Cue);
        Assert.Equal("الحكومة ماضية في برنامجها", q.Span.Of(d.Text));
    }

    [Fact]
    public void IndirectQuoteIsTheThatClause()
    {
        var d = EventTestText.Analyze("وأكد السوداني أن الحكومة ستواصل الحوار مع الشركاء.");

        var q = Assert.Single(QuoteExtractor.Default.Extract(d));

        Assert.Equal("sudani", q.Speaker);
        Assert.StartsWith("أن الحكومة", q.Span.Of(d.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void RelayNamesTheChannelAndTheSpeaker()
    {
        var d = EventTestText.Analyze("ونقلت رويترز عن مسؤولين عراقيين أن المحادثات ستبدأ قريبا.");

        var q = Assert.Single(QuoteExtractor.Default.Extract(d));

        Assert.Equal("reuters", q.Via);
        Assert.Equal("cc-iq", q.Speaker);
    }

    [Fact]
    public void StatementReceivedByAnOutletIsItsChannel()
    {
        var d = EventTestText.Analyze("وقال الإطار التنسيقي في بيان تلقته رويترز إن الحوار ضروري.");

        var q = Assert.Single(QuoteExtractor.Default.Extract(d));

        Assert.Equal("coordination-framework", q.Speaker);
        Assert.Equal("reuters", q.Via);
    }

    [Fact]
    public void SourcePhraseAloneIsTheChannel()
    {
        var d = EventTestText.Analyze("وانتهت الجولة الأولى من الاجتماعات مساء الأمس، بحسب أسوشيتيد برس.");

        var q = Assert.Single(QuoteExtractor.Default.Extract(d));

        Assert.Equal("ap", q.Via);
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void OutletAfterLamIsTheChannel()
    {
        var d = EventTestText.Analyze("وقالت مصادر لوكالة رويترز إن الوفد وصل إلى العاصمة.");

        var q = Assert.Single(QuoteExtractor.Default.Extract(d));

        Assert.Equal("reuters", q.Via);
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void CueWordWithTheArticleIsANoun() => Assert.Empty(QuoteExtractor.Default.Extract(EventTestText.Analyze("وتوقفت حركة النقل في بغداد أمس.")));

    [Fact]
    public void EmptyTextHasNoQuotes() => Assert.Empty(QuoteExtractor.Default.Extract(EventTestText.Analyze("")));
}
