using Marsad.Corpus;
using Marsad.Model;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Corpus;

public sealed class NearDuplicateDetectorTests(ITestOutputHelper output)
{
    private const string Wire = "قال مسؤول في وزارة الخارجية اليوم إن المحادثات بين الوفدين ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين بسبب خلافات حول جدول الأعمال وأضاف أن الجانبين اتفقا على تشكيل لجنة فنية مشتركة لمتابعة تنفيذ البنود التي تم التوصل إليها في الجولة السابقة";

    private const string Other = "أعلنت الشركة الوطنية للكهرباء عن خطة جديدة لتوسيع شبكة التوزيع في المناطق الريفية خلال العام الجاري وتشمل الخطة إنشاء محطات تحويل جديدة وتحديث الخطوط القديمة لتقليل الانقطاعات المتكررة في فصل الصيف حين يرتفع الطلب على الطاقة";

    [Fact]
    public void CopyWithAFewEditedWordsIsFound()
    {
        var edited = Wire.Replace("الأسبوع المقبل", "الأسبوع القادم", StringComparison.Ordinal) + " وفق ما نقلت وكالات الأنباء";
        var pairs = NearDuplicateDetector.Find([CorpusSample.Annotate("a", Wire), CorpusSample.Annotate("b", edited)]);
        var pair = Assert.Single(pairs);
        Assert.Equal(("a", "b"), (pair.A, pair.B));
        Assert.InRange(pair.Similarity, 0.6, 1.0);
    }

    [Fact]
    public void HamzaAndTaMarbutaVariantsDoNotHideACopy()
    {
        var variant = Wire.Replace('أ', 'ا').Replace('ة', 'ه');
        var pair = Assert.Single(NearDuplicateDetector.Find([CorpusSample.Annotate("a", Wire), CorpusSample.Annotate("b", variant)]));
        Assert.Equal(1.0, pair.Similarity);
    }

    [Fact]
    public void UnrelatedArticlesAreNotPaired() =>
        Assert.Empty(NearDuplicateDetector.Find([CorpusSample.Annotate("a", Wire), CorpusSample.Annotate("b", Other)]));

    [Fact]
    public void TooShortTextsAreNotSigned()
    {
        var detector = new NearDuplicateDetector();
        Assert.Empty(detector.Add(CorpusSample.Annotate("a", "خبر عاجل")));
        Assert.Empty(detector.Add(CorpusSample.Annotate("b", "خبر عاجل")));
        Assert.Equal(0, detector.Count);
    }

    [Fact]
    public void DocumentWithoutTokensIsSkipped() =>
        Assert.Empty(new NearDuplicateDetector().Add(new Document("x", Wire)));

    [Fact]
    public void BadOptionsAreRejected() =>
        Assert.Throws<ArgumentException>(() => new NearDuplicateDetector(new NearDuplicateOptions { HashCount = 100, Bands = 32 }));

    /// <summary>
    /// Real articles plus edited copies (a short line dropped, a few words replaced, a dateline and a credit line added):
    /// every pair within one original's family is a near-duplicate, every other pair is not. Originals that already
    /// share many shingles (the same wire story from two outlets) are left out, since nothing says which they are.
    /// </summary>
    [SharedFact]
    public void CorpusCopiesWithEditsAreFoundWithHighPrecisionAndRecall()
    {
        var originals = DistinctOriginals(CorpusSample.Read(3000, minWords: 120));
        var random = new Random(20240125);
        var documents = new List<(string Id, string Text, int Family)>();
        for (var i = 0; i < originals.Count; i++)
        {
            documents.Add((originals[i].Id, originals[i].Text, i));
            if (i % 3 == 0)
            {
                var copies = 1 + random.Next(2);
                for (var c = 0; c < copies; c++)
                {
                    documents.Add(($"{originals[i].Id}~copy{c}", EditedCopy(originals[i].Text, originals[random.Next(originals.Count)].Text, random), i));
                }
            }
        }

        documents = [.. documents.OrderBy(_ => random.Next())];
        var truth = new HashSet<(string, string)>();
        foreach (var family in documents.GroupBy(d => d.Family).Where(g => g.Count() > 1))
        {
            var members = family.Select(d => d.Id).ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    truth.Add(Key(members[a], members[b]));
                }
            }
        }

        var annotated = documents.Select(d => CorpusSample.Annotate(d.Id, d.Text)).ToList();
        var found = NearDuplicateDetector.Find(annotated)
            .Select(p => Key(p.A, p.B)).ToHashSet();
        var tp = found.Count(truth.Contains);
        var precision = found.Count == 0 ? 0 : (double)tp / found.Count;
        var recall = (double)tp / truth.Count;
        output.WriteLine($"{documents.Count} documents, {truth.Count} true pairs, {found.Count} found, precision {precision:F4}, recall {recall:F4}");
        Assert.True(truth.Count >= 300, $"only {truth.Count} true pairs");
        Assert.True(precision >= 0.98, $"precision {precision:F4}");
        Assert.True(recall >= 0.95, $"recall {recall:F4}");
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    /// <summary>Drops an article when a fifth of its 5-word shingles already occur in one earlier article.</summary>
    private static List<(string Id, string Text)> DistinctOriginals(List<(string Id, string Text, string? Title, DateOnly? Published)> articles)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<(string, string)>();
        foreach (var article in articles)
        {
            var words = article.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var shingles = Enumerable.Range(0, Math.Max(0, words.Length - 4)).Select(i => string.Join(' ', words, i, 5)).Distinct().ToList();
            var shared = shingles.Where(owner.ContainsKey).GroupBy(s => owner[s]).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            if (shared * 5 >= shingles.Count)
            {
                continue;
            }

            foreach (var s in shingles)
            {
                owner.TryAdd(s, kept.Count);
            }

            kept.Add((article.Id, article.Text));
        }

        return kept;
    }

    /// <summary>The edits a re-run wire story gets: a short line dropped, about one word in fifty replaced, a dateline and a credit added.</summary>
    private static string EditedCopy(string text, string donor, Random random)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var total = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var drop = 1 + random.Next(Math.Max(1, lines.Count - 1));
        if (lines.Count >= 3 && drop < lines.Count && lines[drop].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length * 10 <= total)
        {
            lines.RemoveAt(drop);
        }

        var donorWords = donor.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var edited = lines.Select(line =>
        {
            var words = line.Split(' ');
            for (var w = 0; w < words.Length; w++)
            {
                if (random.Next(50) == 0)
                {
                    words[w] = donorWords[random.Next(donorWords.Length)];
                }
            }

            return string.Join(' ', words);
        });
        var datelines = new[] { "عواصم - وكالات", "القاهرة - خاص", "بيروت (رويترز) -" };
        return datelines[random.Next(datelines.Length)] + "\n" + string.Join('\n', edited) + "\nالمصدر: وكالات";
    }
}
