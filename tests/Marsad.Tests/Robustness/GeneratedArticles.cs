using System.Text;

namespace Marsad.Tests.Robustness;

/// <summary>
/// Small Arabic articles written from a fixed vocabulary with a seeded random generator: every line differs (so the
/// cleaner does not take them for repeated boilerplate) and every run writes the same files.
/// </summary>
internal static class GeneratedArticles
{
    private static readonly string[] Subjects = ["الوزير", "المتحدث", "رئيس البلدية", "المحافظ", "السفير", "قائد الشرطة", "مدير المستشفى", "النائب"];
    private static readonly string[] Verbs = ["قال", "أعلن", "أكد", "أوضح", "ذكر", "نفى", "كشف", "أضاف"];
    private static readonly string[] Objects = ["افتتاح جسر جديد", "بدء موسم الحصاد", "وصول شحنة أدوية", "إغلاق طريق سريع", "توقيع اتفاق تجاري", "إجراء انتخابات محلية", "ترميم مدرسة قديمة", "زيادة الرواتب"];
    private static readonly string[] Places = ["بغداد", "البصرة", "الموصل", "عمان", "بيروت", "القاهرة", "تونس", "الرباط", "دمشق", "صنعاء"];
    private static readonly string[] Days = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

    /// <summary>Writes <paramref name="count"/> articles as <c>article-NNN.txt</c> into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int count, int seed = 7)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            text.Append(Pick(random, Objects)).Append(" في ").Append(Pick(random, Places)).Append(' ').Append(i + 1).Append('\n');
            var sentences = random.Next(3, 8);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Pick(random, Verbs)).Append(' ').Append(Pick(random, Subjects)).Append(" يوم ").Append(Pick(random, Days))
                    .Append(" أن ").Append(Pick(random, Objects)).Append(" في ").Append(Pick(random, Places)).Append(" سيتم خلال ")
                    .Append(random.Next(2, 40)).Append(" يوما بكلفة ").Append(random.Next(1, 900)).Append(" مليون دينار.\n");
            }

            File.WriteAllText(Path.Combine(folder, $"article-{i + 1:D3}.txt"), text.ToString(), new UTF8Encoding(false));
        }
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
