using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public class InputWalkerTests
{
    [Fact]
    public void FolderFilesComeInOrdinalOrderOfRelativePath()
    {
        using var temp = new TempFolder();
        temp.File("b.txt", "ب");
        temp.File("a/z.json", "{}");
        temp.File("a.txt", "أ");
        temp.File("B.html", "<p>ب</p>");
        temp.File("a/b/c.xml", "<rss/>");
        var files = InputWalker.Walk([temp.Root]).Select(e => Path.GetRelativePath(temp.Root, e.Path).Replace('\\', '/')).ToList();
        Assert.Equal(["B.html", "a.txt", "a/b/c.xml", "a/z.json", "b.txt"], files);
    }

    [Fact]
    public void UnsupportedExtensionsAndHiddenEntriesAreSkippedInFolders()
    {
        using var temp = new TempFolder();
        temp.File("keep.jsonl", "{}");
        temp.File("skip.pdf", "x");
        temp.File("archive.jsonl.gz", "x");
        temp.File(".hidden.txt", "x");
        temp.File(".git/config.txt", "x");
        var names = InputWalker.Walk([temp.Root]).Select(e => Path.GetFileName(e.Path)).ToList();
        Assert.Equal(["archive.jsonl.gz", "keep.jsonl"], names);
    }

    [Fact]
    public void AFileNamedExplicitlyIsTakenWhateverItsExtension()
    {
        using var temp = new TempFolder();
        var path = temp.File("notes.md", "نص");
        var entry = Assert.Single(InputWalker.Walk([path]));
        Assert.True(entry.IsFile);
    }

    [Fact]
    public void AMissingInputIsAnErrorEntry()
    {
        var entry = Assert.Single(InputWalker.Walk(["/no/such/place/at/all"]));
        Assert.False(entry.IsFile);
        Assert.Equal("no such file or folder", entry.Error!.Message);
    }

    [Fact]
    public void ASymbolicLinkLoopIsReportedOnceAndSkipped()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        temp.File("a/one.txt", "واحد");
        Directory.CreateSymbolicLink(Path.Combine(temp.Root, "a", "loop"), Path.Combine(temp.Root, "a"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Root, "a", "up"), "..");
        var entries = InputWalker.Walk([temp.Root]).ToList();
        Assert.Single(entries, e => e.IsFile);
        var loops = entries.Where(e => !e.IsFile).ToList();
        Assert.Equal(2, loops.Count);
        Assert.All(loops, e => Assert.Contains("symbolic link loop", e.Error!.Message));
        Assert.Equal(2, loops.Select(e => e.Path).Distinct().Count());
    }

    [Fact]
    public void AFileReachedTwiceIsListedOnce()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var real = temp.File("data/one.txt", "واحد");
        File.CreateSymbolicLink(Path.Combine(temp.Root, "data", "alias.txt"), real);
        var files = InputWalker.Walk([temp.Root, real]).Where(e => e.IsFile).ToList();
        Assert.Single(files);
    }
}
