using Marsad.Arabic;
using Marsad.Ingest.Cleaning;
using Marsad.Model;

namespace Marsad.Tests.Ingest.Cleaning;

public class BoilerplateLexiconTests
{
    private static readonly BoilerplateLexicon Lex = BoilerplateLexicon.Default;

    [Fact]
    public void WholeLinePhrase() => Assert.Equal(RemovalReason.Related, Lex.Match(LineKey.Of("مواضيع ذات صلة"), true)?.Reason);

    [Fact]
    public void PrefixPhrase() => Assert.Equal(RemovalReason.Promo, Lex.Match(LineKey.Of("تابعونا على إنستغرام وتويتر"), true)?.Reason);

    [Fact]
    public void ShortReachPhraseIgnoresLongSentences() =>
        Assert.Null(Lex.Match(LineKey.Of("تابعوا الاجتماع الذي عقد أمس في مقر الوزارة بحضور عدد كبير من المسؤولين والخبراء من دول عدة."), false));

    [Fact]
    public void HeldPhraseOfAnyReach() =>
        Assert.Equal(RemovalReason.Comments, Lex.Match(LineKey.Of("كل الآراء والتعليقات المنشورة تعبر عن رأي كتابها فقط وليس عن رأي الموقع."), false)?.Reason);

    [Fact]
    public void ShareBarNeedsOneRealShareWord()
    {
        Assert.True(Lex.IsShareBar(LineKey.Of("فيسبوك | تويتر | واتساب")));
        Assert.False(Lex.IsShareBar(LineKey.Of("اب")));
        Assert.False(Lex.IsShareBar(LineKey.Of("شارك الآلاف")));
    }

    [Fact]
    public void CreditWords()
    {
        Assert.True(Lex.IsCredit(LineKey.Of("أرشيف/ رويترز")));
        Assert.True(Lex.IsCredit(LineKey.Of("رويترز عبر Getty")));
        Assert.False(Lex.IsCredit(LineKey.Of("عبر")));
        Assert.False(Lex.IsCredit(LineKey.Of("وزارة الدفاع")));
    }

    [Fact]
    public void SectionLabelsAndBylines()
    {
        Assert.True(Lex.IsSectionLabel(LineKey.Of("عربي ودولي")));
        Assert.True(Lex.StartsLikeByline(LineKey.Of("بقلم: سارة علي")));
        Assert.False(Lex.StartsLikeByline(LineKey.Of("افتتاح جسر جديد")));
    }

    [Theory]
    [InlineData("ar", "boilerplate", "phrases.tsv")]
    [InlineData("ar", "boilerplate", "sections.tsv")]
    [InlineData("ar", "boilerplate", "caption_cues.tsv")]
    [InlineData("ar", "boilerplate", "bylines.tsv")]
    [InlineData("ar", "months.tsv")]
    public void DataFileEntriesAreNormalizedAndUnique(params string[] parts)
    {
        var path = DataFiles.Path(parts);
        Assert.StartsWith("#", File.ReadLines(path).First());
        var seen = new HashSet<string>();
        foreach (var row in TsvLexicon.ReadRows(path))
        {
            var entry = row[0];
            Assert.Equal(entry.Normalize(System.Text.NormalizationForm.FormC), entry);
            Assert.Equal(ArabicNormalizer.Normalize(entry), entry);
            Assert.DoesNotContain('ـ', entry);
            var id = parts[^1] == "phrases.tsv" ? entry + "\t" + row[2] : entry;
            Assert.True(seen.Add(id), $"duplicate entry '{entry}' in {parts[^1]}");
        }
    }
}
