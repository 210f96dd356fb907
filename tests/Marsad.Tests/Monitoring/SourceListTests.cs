using Marsad.Monitoring;
using Marsad.Tests.Support;

namespace Marsad.Tests.Monitoring;

public class SourceListTests
{
    [Fact]
    public void TheThreeFormsListTheSameSources()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("drop"));
        File.WriteAllText(tmp.File("s.txt"), "# feeds\nhttps://a.example/feed.xml\n\ndrop\nhttps://a.example/feed.xml\n");
        File.WriteAllText(tmp.File("s.json"), """{"sources": ["https://a.example/feed.xml", {"path": "drop", "interval": "2h"}]}""");
        File.WriteAllText(tmp.File("s.yaml"), "sources:\n  - https://a.example/feed.xml\n  - path: drop\n    kind: folder\n    interval: 90s\n");
        foreach (var name in new[] { "s.txt", "s.json", "s.yaml" })
        {
            var sources = SourceList.Read(tmp.File(name));
            Assert.Equal([("https://a.example/feed.xml", WatchSourceKind.Web), (tmp.File("drop"), WatchSourceKind.Folder)], sources.Select(s => (s.Id, s.Kind)));
        }

        Assert.Equal(TimeSpan.FromSeconds(90), SourceList.Read(tmp.File("s.yaml"))[1].Interval);
    }

    [Fact]
    public void ABadEntryNamesTheFileAndTheEntry()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("s.txt"), "https://a.example/feed.xml\nftp://x.example/\n");
        var error = Assert.Throws<FormatException>(() => SourceList.Read(tmp.File("s.txt"))).Message;
        Assert.Contains("s.txt: line 2", error, StringComparison.Ordinal);
        File.WriteAllText(tmp.File("s.yaml"), "- url: https://a.example/\n  interval: soon\n");
        Assert.Contains("interval 'soon'", Assert.Throws<FormatException>(() => SourceList.Read(tmp.File("s.yaml"))).Message, StringComparison.Ordinal);
        File.WriteAllText(tmp.File("s.json"), "[");
        Assert.Contains("not valid JSON", Assert.Throws<FormatException>(() => SourceList.Read(tmp.File("s.json"))).Message, StringComparison.Ordinal);
    }
}
