using Marsad.Ingest.Metadata;

namespace Marsad.Tests.Ingest.Metadata;

public class OutletFinderTests
{
    private const string Body = "وقال المتحدث إن الاجتماع المقبل سيعقد في العاصمة خلال أيام.";

    private static string? Find(params string[] lines) => OutletFinder.Default.Find(lines, lines.Length - 1);

    [Fact]
    public void ClosingCreditInParentheses() => Assert.Equal("يورونيوز", Find(Body, Body + " (Euronews)"));

    [Fact]
    public void StatementReceivedByAQuotedName() =>
        Assert.Equal("شفق نيوز", Find("وقالت الوزارة في بيان تلقته «شفق نيوز» إن الطريق أعيد فتحه.", Body));

    [Fact]
    public void UnknownOutletReceivingAStatementIsTakenAsWritten() =>
        Assert.Equal("النبأ اليومي", Find("وذكر الحزب في بيان تلقته \"النبأ اليومي\" أنه سيشارك.", Body));

    [Fact]
    public void InterviewWithAQuotedOutlet() =>
        Assert.Equal("الجزيرة", Find("وأكد النائب في حديث مع «الجزيرة نت» أن الجلسة تأجلت.", Body));

    [Fact]
    public void CommentsDisclaimer() =>
        Assert.Equal("إيلاف", Find(Body, "التعليقات لا تعبر بالضرورة عن رأي ايلاف"));

    [Fact]
    public void SourceLine() => Assert.Equal("روداو", Find(Body, "المصدر: روداو"));

    [Fact]
    public void CitedWireServiceIsNotThePublisher() =>
        Assert.Null(Find("ونقلت رويترز عن مسؤولين قولهم إن المحادثات ستبدأ.", "وقال مصدر لـ«رويترز» إن الموعد لم يحدد.", Body));

    [Fact]
    public void QuotedForeignPaperIsASourceNotThePublisher() =>
        Assert.Null(Find("وقال مسؤول لصحيفة «واشنطن بوست» إن القرار نهائي.", Body));

    [Fact]
    public void AccordingToAPaperIsACitation() =>
        Assert.Null(Find("وارتفعت الأسعار وفقا لجريدة «الشرق الأوسط» في عددها الأخير.", Body));

    [Fact]
    public void NothingNamed() => Assert.Null(Find(Body, Body));
}
