using BenchmarkDotNet.Attributes;
using Marsad.Extract.Actors;
using Marsad.Extract.Places;
using Marsad.Model;

namespace Marsad.Bench;

/// <summary>
/// Gazetteer lookups, place resolution, the lexicon finder and the linker on an article-sized text of our own
/// (about 2,000 characters, the length of a news article).
/// </summary>
[MemoryDiagnoser]
public class PlacesBenchmarks
{
    private const string Paragraph =
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد في الأنبار وقاعدة حرير بأربيل بطائرات مسيرة، " +
        "فيما قال رئيس الوزراء العراقي محمد شياع السوداني إن الحكومة العراقية تواصل الحوار مع واشنطن بشأن مستقبل التحالف الدولي. " +
        "وذكرت وزارة الدفاع الأمريكية أن القيادة المركزية الأمريكية نفذت ضربات في جرف الصخر والقائم قرب الحدود مع سوريا، " +
        "بينما دعت إيران والأمم المتحدة إلى التهدئة في المنطقة. وقال السوداني إن بغداد لن تكون ساحة لتصفية الحسابات. ";

    private string _article = "";
    private IReadOnlyList<EntityMention> _mentions = [];
    private string _key = "";

    [GlobalSetup]
    public void Setup()
    {
        _article = string.Concat(Enumerable.Repeat(Paragraph, 4));
        _mentions = ActorMentionFinder.Default.Find(_article);
        _key = NameKey.Of("عين الأسد");
        _ = ActorLinker.Default.Link(_article, _mentions, new DateOnly(2024, 1, 25));
    }

    [Benchmark]
    public int GazetteerLookup() => Gazetteer.Default.Lookup(_key.AsSpan()).Length;

    [Benchmark]
    public PlaceMatch? ResolvePlaceInContext() => PlaceResolver.Default.Resolve(_article, new TextSpan(77, 81), "FAC");

    [Benchmark]
    public int FindMentionsInArticle() => ActorMentionFinder.Default.Find(_article).Count;

    [Benchmark]
    public int LinkArticleMentions() => ActorLinker.Default.Link(_article, _mentions, new DateOnly(2024, 1, 25)).Count;
}
