using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Tests.Extract.Times;

public sealed class DocumentDaterTests
{
    private static PublishedDate? Infer(string text) => DocumentDater.Default.Infer(text, TimeExtractor.Default.Extract(text));

    [Fact]
    public void DatelineGivesTheDate()
    {
        var result = Infer("عنوان الخبر\n\n16 مايو 2022\nقال مسؤول إن المعرض سيفتتح قريبا.");

        Assert.Equal(new DateOnly(2022, 5, 16), result?.Date);
        Assert.Equal(PublishedFrom.Text, result?.From);
    }

    [Fact]
    public void DeicticBesideItsDateGivesTheDate()
    {
        var result = Infer("وقع الانفجار صباح اليوم الثلاثاء (13 شباط 2024) قرب المرفأ.");

        Assert.Equal(new DateOnly(2024, 2, 13), result?.Date);
    }

    [Fact]
    public void YesterdayWeekdayMatchesADateOfTheText()
    {
        var result = Infer("صرح الوزير اليوم الاثنين بأن الاجتماع الذي عقد أمس الأحد كان مثمرا، وكانت الدعوة إليه قد صدرت في 10-3-2019 لعقده في السابع عشر من آذار.");

        Assert.Equal(new DateOnly(2019, 3, 18), result?.Date);
    }

    [Fact]
    public void ContradictoryTodayFollowsTheCorroboratedReading()
    {
        var text = "أعلن المجلس اليوم الثلاثاء تأييده. ويوم الاثنين (12 شباط 2024) وقع الطرفان الاتفاق. وأغارت الطائرات صباح اليوم الأحد (13 شباط 2024) على مواقع عدة.";

        Assert.Equal(new DateOnly(2024, 2, 13), Infer(text)?.Date);
    }

    [Fact]
    public void DeicticBesideAContradictingDateIsNotTrusted() => Assert.Null(Infer("افتتح الوزير اليوم الأحد 9 مارس 2016 المعرض الدولي."));

    [Fact]
    public void BareWeekdayCannotFixTheDate() => Assert.Null(Infer("أعلن النادي الجمعة تعاقده مع مدرب جديد منذ منتصف تشرين الثاني/نوفمبر."));

    [Fact]
    public void WeekdayWithoutCorroboratingDateIsNotEnough() => Assert.Null(Infer("قال الوزير اليوم الخميس إن البرلمان صوت في 20 شباط 2023."));

    [Fact]
    public void HistoricalDateOnTheSameWeekdayIsIgnored() =>
        Assert.Null(Infer("توفي الفنان أمس الجمعة، وهو من مواليد 8 سبتمبر 1989، وكان قد أحيا حفلا في 2018."));

    [Fact]
    public void EmptyTextHasNoDate() => Assert.Null(Infer(""));
}
