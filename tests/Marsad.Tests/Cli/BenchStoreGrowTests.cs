using Marsad.Storage;
using Marsad.Storage.Search;
using Marsad.Tests.Support;

namespace Marsad.Tests.Cli;

/// <summary>
/// <c>bench-store --grow-from</c> end to end on a small store of its own: the grown store holds the copies (new ids,
/// dates moved by whole years) and a search index current with it, so serve and search start with nothing to rebuild.
/// </summary>
public sealed class BenchStoreGrowTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-grow-").FullName;

    [Fact]
    public void TheGrownStoreIsSearchableWithoutARebuild()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.jsonl"), string.Join('\n',
            """{"id":"books","title":"معرض الكتاب","outlet":"وكالة الأنباء","published":"2024-01-10","text":"افتتح الوزير معرض الكتاب السنوي في العاصمة. وتحدث عن القراءة وبالكتاب يبدأ كل شيء جميل في حياة الناس."}""",
            """{"id":"forces","title":"انسحاب القوات","outlet":"Al Arabiya","published":"2024-02-01","text":"أعلن المتحدث العسكري انسحاب القوات من المدينة بعد أسبوع من المعارك العنيفة التي شهدتها الأحياء الشرقية."}""",
            """{"id":"strike","title":"هجوم بطائرة مسيرة","outlet":"Al Arabiya","published":"2024-03-05","text":"استهدف هجوم بطائرة مسيرة رتلا للقوات قرب الحدود، وقال مسؤول إن الهجوم لم يسفر عن إصابات بين الجنود."}"""));
        var source = Path.Combine(_dir, "src.db");
        var analyze = CliRunner.Run("analyze", inputs, "--db", source, "--quiet", "--no-index");
        Assert.True(analyze.ExitCode == 0, analyze.Stderr);

        // Two whole copies and the first document of a third.
        var target = Path.Combine(_dir, "grown.db");
        var grow = CliRunner.Run("bench-store", "--grow-from", source, "--db", target, "--documents", "7", "--grow-only");
        Assert.True(grow.ExitCode == 0, grow.Stderr);
        Assert.Contains("7 documents indexed", grow.Stderr, StringComparison.Ordinal);

        string stamp;
        using (var store = StoreFactory.Open(target))
        {
            Assert.Equal(7, store.Count());
            Assert.Equal(["books", "books~r1", "books~r2", "forces", "forces~r1", "strike", "strike~r1"], store.All().Select(d => d.Id));
            Assert.Equal("2025-02-01", store.Get("forces~r1")!.Published);
            stamp = store.ChangeStamp();
        }

        // The index beside the store holds every copy and is marked current with the store: a follower has nothing to do.
        using (var search = SearchService.Open(StoreFactory.DefaultIndexPath(target)))
        {
            Assert.Equal(7, search.Count);
            Assert.Equal(stamp, search.StoreStamp);
            var hits = search.Search(new SearchQuery { Text = "القوات", Limit = 20 });
            Assert.Equal(["forces", "forces~r1", "strike", "strike~r1"], hits.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        }

        using (var index = DocumentIndex.Open(StoreFactory.DefaultIndexPath(target)))
        using (var store = StoreFactory.Open(target))
        {
            Assert.True(index.IsCurrentWith(store.ChangeStamp()));
            Assert.Equal(0, index.CatchUp(store));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
