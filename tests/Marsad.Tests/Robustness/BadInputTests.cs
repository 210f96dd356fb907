using System.Text.Json;

namespace Marsad.Tests.Robustness;

/// <summary>
/// Bad input through <c>marsad analyze</c>, end to end: each case gets a correct result or one line on standard error
/// naming the file and the problem, and the run goes on. Cases already covered end to end elsewhere (binary and empty
/// files, JSON with wrong types, Windows-1256 alone) are not repeated.
/// </summary>
public class BadInputTests(BadInputRun run) : IClassFixture<BadInputRun>
{
    [Fact]
    public void TheRunFinishesWithOneLinePerProblemAndNoStackTrace()
    {
        Assert.Equal(1, run.Result.ExitCode);
        Assert.All(run.Result.ErrorLines, l => Assert.StartsWith("marsad: ", l, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Result.Stderr, StringComparison.Ordinal);
        Assert.True(run.Result.PeakMb < 1024, $"peak memory {run.Result.PeakMb:N0} MB");
    }

    [Fact]
    public void AWhitespaceOnlyFileIsAnEmptyFile() =>
        Assert.EndsWith("whitespace.txt: empty file", run.LineAbout("whitespace.txt"), StringComparison.Ordinal);

    [Fact]
    public void InvalidUtf8BytesInUtf8TextBecomeReplacementCharacters()
    {
        var doc = run.Documents["invalid-utf8"];
        Assert.Equal("utf-8", doc.GetProperty("encoding").GetString());
        Assert.Equal("ar", doc.GetProperty("language").GetString());
        var text = doc.GetProperty("text").GetString()!;
        Assert.Contains('\uFFFD', text);
        Assert.Contains("الاجتماع سيعقد", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf16le-nobom", "utf-16le")]
    [InlineData("utf16be-nobom", "utf-16be")]
    public void Utf16WithoutAByteOrderMarkIsDecoded(string id, string encoding)
    {
        var doc = run.Documents[id];
        Assert.Equal(encoding, doc.GetProperty("encoding").GetString());
        Assert.Contains("الاجتماع سيعقد", doc.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-utf8", "utf-8", "عنوان أول")]
    [InlineData("b-cp1256", "windows-1256", "عنوان ثان")]
    [InlineData("c-utf16", "utf-16le", "عنوان ثالث")]
    [InlineData("d-page", "windows-1256", "عنوان رابع")]
    public void MixedEncodingsInOneFolderAreEachDecodedOnTheirOwn(string id, string encoding, string title)
    {
        var doc = run.Documents[id];
        Assert.Equal(encoding, doc.GetProperty("encoding").GetString());
        Assert.Contains(title, doc.GetProperty("text").GetString() + doc.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("الاجتماع سيعقد", doc.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EntitiesAreDecodedAndBrokenMarkupLeavesNoTags()
    {
        var text = run.Documents["entities"].GetProperty("text").GetString()!;
        Assert.Contains("\"المتحدث\"", text, StringComparison.Ordinal);
        Assert.Contains("في بغداد", text, StringComparison.Ordinal);
        Assert.Contains("<المقبل>", text, StringComparison.Ordinal);
        Assert.Contains("سيصل صباح السبت", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedJsonLinesKeepTheWholeRecordsAndNameTheBrokenLine()
    {
        Assert.True(run.Documents.ContainsKey("whole-record"));
        Assert.False(run.Documents.ContainsKey("cut-record"));
        Assert.Contains("truncated.jsonl: line 2: invalid JSON", run.LineAbout("truncated.jsonl"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnRssItemWithABadDateIsKeptUndatedWithAWarning()
    {
        var doc = run.Documents["http://example.org/news/1"];
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("published").ValueKind);
        var line = run.LineAbout("bad-date.rss");
        Assert.StartsWith("marsad: warning: ", line, StringComparison.Ordinal);
        Assert.Contains("someday, 99 Foo 20xx", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("english", "en")]
    [InlineData("persian", "fa")]
    [InlineData("urdu", "ur")]
    public void OtherLanguagesAreMarkedAndNotAnalyzedAsArabic(string id, string language)
    {
        var doc = run.Documents[id];
        Assert.Equal(language, doc.GetProperty("language").GetString());

        // Each text names Baghdad: analyzed as Arabic, it would have a place entity.
        Assert.Empty(doc.GetProperty("entities").EnumerateArray());
        Assert.Empty(doc.GetProperty("times").EnumerateArray());
    }

    [Fact]
    public void ADirectoryLoopIsReportedOnceAndItsFilesAreReadOnce()
    {
        Assert.EndsWith("symbolic link loop, skipped", run.LineAbout("loop/inner/back"), StringComparison.Ordinal);
        Assert.True(run.Documents.ContainsKey("in-loop"));
        Assert.False(run.Documents.ContainsKey("in-loop~2"));
    }

    [SkippableFact]
    public void ANamedPipeIsRefusedWithoutWaitingForAWriter()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "named pipes are made with mkfifo");
        Assert.EndsWith("pipe.txt: cannot read file: not a regular file (a pipe, socket or device)", run.LineAbout("pipe.txt"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AFileThatCannotBeReadIsOneLineNamingIt()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the unreadable file is a link to /proc/self/mem");
        Assert.Contains("unreadable.txt: cannot read file: ", run.LineAbout("unreadable.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderNamedLikeATextFileIsWalkedAsAFolder() =>
        Assert.True(run.Documents.ContainsKey("inside"));
}
