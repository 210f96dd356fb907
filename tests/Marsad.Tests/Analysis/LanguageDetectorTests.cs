using Marsad.Analysis;

namespace Marsad.Tests.Analysis;

public class LanguageDetectorTests
{
    // Arabic typeset with the two-eyed heh (ھ) for ه and with tatweel, as some outlets' publishing systems write it.
    private const string ArabicWithTwoEyedHeh =
        "أعلنت وزارة الصحـــة أن ھجوما استھدف مستشفى في المدينة صباح اليوم، وقال شھود إن ھناك عشرات الجرحى. "
        + "وأضاف المتحدث باسم الوزارة أن فرق الإسعاف نقلت المصابين إلى مستشفيات قريبة، وأن الحصيلة قد ترتفع. "
        + "وكانت الحكومة قد أعلنت حالة الطوارئ في المنطقة بعد ھجمات مماثلة الشھر الماضي.";

    [Fact]
    public void ArabicWrittenWithTwoEyedHehAndTatweelIsArabic()
    {
        Assert.Equal("ar", LanguageDetector.Detect(ArabicWithTwoEyedHeh));
    }

    [Fact]
    public void PlainArabicIsArabic()
    {
        Assert.Equal("ar", LanguageDetector.Detect("قال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم الخميس في العاصمة."));
    }

    [Fact]
    public void UrduIsUrdu()
    {
        Assert.Equal("ur", LanguageDetector.Detect("یہ ایک اچھی کتاب ہے اور میں اسے ہر روز پڑھتا ہوں، کیونکہ اس میں بہت سی باتیں ہیں۔"));
    }

    [Fact]
    public void UrduWithoutItsOwnLettersButWithTwoEyedHehIsUrdu()
    {
        // ھ in a text that writes the Persian ی and ک: the aspirated consonants of Urdu.
        Assert.Equal("ur", LanguageDetector.Detect("بھائی کھانا کھا کر گھر گیا اور بھاری بھاری کتابیں ساتھ لیں"));
    }

    [Fact]
    public void PersianIsPersian()
    {
        Assert.Equal("fa", LanguageDetector.Detect("این یک کتاب خوب است که من هر روز آن را می‌خوانم و چیزهای زیادی یاد می‌گیرم."));
    }

    [Fact]
    public void LatinIsEnglish()
    {
        Assert.Equal("en", LanguageDetector.Detect("The minister said the meeting would be held on Thursday."));
    }
}
