using Marsad.Arabic;
using Marsad.Extract.Times;
using Marsad.Model;

namespace Marsad.Tests.Extract.Times;

public sealed class TimeExtractorTests
{
    private static TimeExpression One(string text) => Assert.Single(TimeExtractor.Default.Extract(text));

    private static string OneText(string text)
    {
        var e = One(text);
        return e.Span.Of(text);
    }

    [Fact]
    public void EmptyTextHasNoExpression() => Assert.Empty(TimeExtractor.Default.Extract(""));

    [Fact]
    public void NonArabicTextHasNoExpression() => Assert.Empty(TimeExtractor.Default.Extract("Talks resume on Monday, officials said."));

    [Fact]
    public void LevantineMonthIsRead()
    {
        var e = One("في 9 تشرين الثاني 2019 خرجت مظاهرة");

        Assert.Equal((9, 11, 2019), (e.Day, e.Month, e.Year));
    }

    [Fact]
    public void EgyptianMonthIsRead() => Assert.Equal(8, One("في 3 أغسطس 2020 وقع الانفجار").Month);

    [Fact]
    public void MaghrebiMonthIsRead() => Assert.Equal(2, One("يوم 14 فيفري 2017 انطلق المهرجان").Month);

    [Fact]
    public void MoroccanMonthIsRead() => Assert.Equal(11, One("في 6 نونبر 2019 انطلقت المسيرة").Month);

    [Fact]
    public void ShortLevantineFormIsRead() => Assert.Equal(12, One("في 20 كانون 1 2021 تم الاتفاق").Month);

    [Fact]
    public void AbbreviatedLevantineMonthIsReadAsTheDatelineReadsIt()
    {
        var e = One("صدر البيان في 15 ك2 2024 في بغداد");

        Assert.Equal((15, 1, 2024), (e.Day, e.Month, e.Year));
    }

    [Fact]
    public void EveryFormOfTheMonthTableDatesADay()
    {
        // One month table (data/ar/months.tsv) serves the dateline parser and the time expressions.
        foreach (var m in MonthNames.Default.All)
        {
            var e = One($"وقع ذلك في 15 {m.Form} 2024 رسميا");

            Assert.Equal((15, m.Month, 2024), (e.Day, e.Month, e.Year));
        }
    }

    [Fact]
    public void BareAbbreviatedMonthIsNoDate() => Assert.Empty(TimeExtractor.Default.Extract("فاز الفريق ت1 في السباق"));

    [Fact]
    public void MonthInTwoSystemsIsOneExpression()
    {
        const string text = "صدر القرار في 3 حزيران/يونيو 2015 رسميا";

        Assert.Equal("3 حزيران/يونيو 2015", OneText(text));
    }

    [Fact]
    public void TwoDifferentMonthsAreNotOneDate()
    {
        var found = TimeExtractor.Default.Extract("تمتد الحملة يناير - فبراير من كل عام");

        Assert.Equal([1, 2], found.Where(e => e.Rule == "my").Select(e => e.Month!.Value));
    }

    [Fact]
    public void ArabicIndicDigitsAreRead()
    {
        var e = One("في ١٥ أيار ٢٠٢١ أعلنت النتائج");

        Assert.Equal((15, 5, 2021), (e.Day, e.Month, e.Year));
    }

    [Fact]
    public void PersianDigitsAreRead() => Assert.Equal(2021, One("سال ۲۰۲۱ م").Year);

    [Fact]
    public void NumericDateIsDayMonthYear()
    {
        var e = One("صدر في 4-3-2021 قرار");

        Assert.Equal((4, 3), (e.Day, e.Month));
    }

    [Fact]
    public void NumericDateSwapsWhenTheDayCannotBeAMonth()
    {
        var e = One("صدر في 3/24/2021 قرار");

        Assert.Equal((24, 3), (e.Day, e.Month));
    }

    [Fact]
    public void NumericHijriDateIsHijri()
    {
        var e = One("صدر في 19/6/1436 قرار");

        Assert.True(e.Hijri);
        Assert.Equal((19, 6, 1436), (e.Day, e.Month, e.Year));
    }

    [Fact]
    public void OrdinalDayIsRead() => Assert.Equal(21, One("في الحادي والعشرين من آذار يحتفل").Day);

    [Fact]
    public void HomographMonthNeedsContext()
    {
        Assert.Empty(TimeExtractor.Default.Extract("مارس اللاعب هوايته في نيسان القديمة"));
        Assert.Equal(3, One("في شهر مارس تبدأ الحملة").Month);
    }

    [Fact]
    public void CliticStaysOutsideTheSpan() => Assert.Equal("يوم الأحد", OneText("ويوم الأحد وصل الوفد"));

    [Fact]
    public void FusedArticleKeepsTheWholeWord() => Assert.Equal("للعام المقبل", OneText("خطة للعام المقبل"));

    [Fact]
    public void TanweenStaysInTheSpan() => Assert.Equal("سنوياً", OneText("يقام سنوياً في الربيع"));

    [Fact]
    public void DeicticWithWeekdayIsOneExpression()
    {
        var e = One("أعلن اليوم الأحد عن الخطة");

        Assert.Equal((0, DayOfWeek.Sunday), (e.DayOffset, e.Weekday));
    }

    [Fact]
    public void YesterdayIsMinusOne() => Assert.Equal(-1, One("وصل البارحة إلى المدينة").DayOffset);

    [Fact]
    public void TomorrowIsPlusOne() => Assert.Equal(1, One("يصل غدا الوفد").DayOffset);

    [Fact]
    public void DayAfterTomorrowIsPlusTwo() => Assert.Equal(2, One("يصل بعد غد الوفد").DayOffset);

    [Fact]
    public void PartOfDayMakesATime()
    {
        var e = One("وقع الهجوم ليل الأحد قرب الحدود");

        Assert.Equal((TimeKind.Time, "NI"), (e.Kind, e.PartOfDay));
    }

    [Fact]
    public void TheDayOfAnEventIsNotToday()
    {
        Assert.Empty(TimeExtractor.Default.Extract("في اليوم التالي وصل الوفد"));
        Assert.Empty(TimeExtractor.Default.Extract("وفي اليوم نفسه عاد"));
        Assert.Empty(TimeExtractor.Default.Extract("منذ اليوم الذي وصل فيه"));
    }

    [Fact]
    public void RangeGivesTwoDates()
    {
        var found = TimeExtractor.Default.Extract("بين 3 و5 كانون الثاني 2024 تجري الانتخابات");

        Assert.Equal([3, 5], found.Select(e => e.Day!.Value));
        Assert.All(found, e => Assert.Equal((1, 2024), (e.Month, e.Year)));
    }

    [Fact]
    public void RangeNeedsIncreasingDays() => Assert.Single(TimeExtractor.Default.Extract("من 9 إلى 5 كانون الثاني"));

    [Fact]
    public void DualUnitIsTwo()
    {
        var e = One("استمر الإضراب أسبوعين");

        Assert.Equal((TimeUnit.Week, 2m), (e.Unit, e.Quantity));
    }

    [Fact]
    public void VagueCountIsVague() => Assert.True(One("بعد بضعة أيام عاد").VagueQuantity);

    [Fact]
    public void SingularUnitAloneIsNotADuration() => Assert.Empty(TimeExtractor.Default.Extract("قال الأمين العام إن يوم الحساب قريب"));

    [Fact]
    public void AgoCountsBack()
    {
        var e = One("غادر قبل عامين البلاد");

        Assert.True(e.Ago);
        Assert.Equal(TimeKind.Date, e.Kind);
    }

    [Fact]
    public void BareYearNeedsContext()
    {
        Assert.Equal(2011, One("في 2011 اندلعت الثورة").Year);
        Assert.Empty(TimeExtractor.Default.Extract("شارك 2011 متسابقا"));
        Assert.Equal([2017, 2018, 2017, 2018], TimeExtractor.Default.Extract("الموسم 2017/2018 انتهى في عامي 2017 و2018").Select(e => e.Year!.Value));
    }

    [Fact]
    public void GregorianSuffixIsKept() => Assert.Equal("1990م", OneText("تأسست الجمعية 1990م"));

    [Fact]
    public void HijriYearSuffixIsRead()
    {
        var e = One("في 1440 هـ صدر النظام");

        Assert.True(e.Hijri);
        Assert.Equal(1440, e.Year);
    }

    [Fact]
    public void VagueReferenceHasAFixedValue() => Assert.Equal("PRESENT_REF", One("يعيش حاليا في المدينة").FixedValue);

    [Fact]
    public void RandomInputDoesNotThrow()
    {
        var random = new Random(7);
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوية ٠١٢٣٤٥6789/-()،.\u064E\u0640";
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var e in TimeExtractor.Default.Extract(text))
            {
                Assert.InRange(e.Span.Start, 0, text.Length);
                Assert.InRange(e.Span.End, e.Span.Start, text.Length);
            }
        }
    }
}
