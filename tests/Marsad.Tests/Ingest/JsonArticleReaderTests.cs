using System.Text;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Tests.Ingest;

public class JsonArticleReaderTests
{
    private static List<ReadOutcome> Lines() =>
        [.. JsonArticleReader.ReadJsonLines("records.jsonl", File.ReadAllBytes(IngestFixtures.Path("records.jsonl")))];

    private static List<ReadOutcome> Array() =>
        [.. JsonArticleReader.ReadJson("records.json", File.ReadAllBytes(IngestFixtures.Path("records.json")))];

    [Fact]
    public void RecordFieldsAndAliasesMapToTheArticle()
    {
        var first = Lines()[0].Article!;
        Assert.Equal("a1", first.Id);
        Assert.Equal("حملة تشجير", first.Title);
        Assert.Equal("إذاعة الشمال", first.Outlet);
        Assert.Equal(new DateOnly(2018, 2, 14), first.Published);
        Assert.Equal("https://example.org/trees", first.Url);
        Assert.Equal("انطلقت اليوم حملة لتشجير الأحياء الشمالية.\nوشارك فيها مئات المتطوعين.", first.Content);
        Assert.Equal(SourceKind.Text, first.Kind);
    }

    [Fact]
    public void NumericIdAndContentAliasAreAccepted()
    {
        var second = Lines()[1].Article!;
        Assert.Equal("42", second.Id);
        Assert.Equal(new DateOnly(2018, 2, 14), second.Published);
    }

    [Fact]
    public void WrongTypesAreErrorsNamingLineAndField()
    {
        var errors = Lines().Where(o => !o.IsSuccess).Select(o => o.Error!).ToList();
        Assert.Contains(errors, e => e.Line == 4 && e.Message == "line 4: field 'text' is a number, expected a string");
        Assert.Contains(errors, e => e.Line == 5 && e.Message == "line 5: field 'text' is an array, expected a string");
    }

    [Fact]
    public void HtmlRecordsGoThroughExtractionAndUseTheUrlAsId()
    {
        var cup = Lines().Select(o => o.Article).Single(a => a?.Url == "https://example.org/cup")!;
        Assert.Equal(SourceKind.Html, cup.Kind);
        Assert.Equal("https://example.org/cup", cup.Id);
        Assert.Equal("فاز الفريق المحلي بالبطولة للمرة الثالثة.", cup.Content);
    }

    [Fact]
    public void ARecordWithoutTextIsAnError() =>
        Assert.Contains(Lines(), o => o.Error is { Line: 7 } e && e.Message.Contains("no text", StringComparison.Ordinal));

    [Fact]
    public void AnUnreadableDateIsAWarningNotAnError()
    {
        var outcome = Lines().Single(o => o.Article?.Id == "a7");
        Assert.Null(outcome.Article!.Published);
        Assert.Contains("unrecognized date", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void ATruncatedLineIsAnErrorAndEarlierLinesAreKept()
    {
        var outcomes = Lines();
        var last = outcomes[^1];
        Assert.Equal(9, last.Error!.Line);
        Assert.StartsWith("line 9: invalid JSON", last.Error.Message);
        Assert.Equal(4, outcomes.Count(o => o.IsSuccess));
    }

    [Fact]
    public void ArrayElementsAreRecordsAndBadOnesAreErrors()
    {
        var outcomes = Array();
        Assert.Equal(4, outcomes.Count);
        Assert.Equal("r1", outcomes[0].Article!.Id);
        Assert.Equal(new DateOnly(2019, 5, 3), outcomes[0].Article!.Published);
        Assert.Equal("record 2: expected a JSON object, found a string", outcomes[1].Error!.Message);
        Assert.Equal("record 3: field 'title' is a number, expected a string", outcomes[2].Error!.Message);
        Assert.Equal("records#5", outcomes[3].Article!.Id);
        Assert.Equal(new DateOnly(2015, 7, 21), outcomes[3].Article!.Published);
    }

    [Fact]
    public void ASingleObjectTakesTheFileName()
    {
        var outcome = Assert.Single(JsonArticleReader.ReadJson("dir/one.json", Encoding.UTF8.GetBytes("{\"text\": \"خبر واحد\"}")));
        Assert.Equal("one", outcome.Article!.Id);
    }

    [Fact]
    public void InvalidJsonNamesTheLine()
    {
        var outcome = Assert.Single(JsonArticleReader.ReadJson("bad.json", Encoding.UTF8.GetBytes("{\n\"text\": \"نص\",\n\"id\": }")));
        Assert.StartsWith("invalid JSON at line 3", outcome.Error!.Message);
        Assert.Equal(3, outcome.Error.Line);
    }

    [Fact]
    public void JsonLinesInAJsonFileAreRead()
    {
        var outcomes = JsonArticleReader.ReadJson("lines.json", Encoding.UTF8.GetBytes("{\"text\": \"أ\"}\n{\"text\": \"ب\"}\n")).ToList();
        Assert.Equal(["lines#1", "lines#2"], outcomes.Select(o => o.Article!.Id));
    }

    [Fact]
    public void Windows1256JsonIsDecoded()
    {
        var bytes = EncodingDetector.Arabic1256.GetBytes("{\"id\": \"w\", \"text\": \"نص بترميز قديم\"}");
        var article = Assert.Single(JsonArticleReader.ReadJsonLines("old.jsonl", bytes)).Article!;
        Assert.Equal("نص بترميز قديم", article.Content);
        Assert.Equal("windows-1256", article.Encoding);
    }

    [Fact]
    public void EntitiesInTextAreDecoded()
    {
        var article = Assert.Single(JsonArticleReader.ReadJsonLines("e.jsonl", Encoding.UTF8.GetBytes("{\"text\": \"قال &quot;نعم&quot;\"}"))).Article!;
        Assert.Equal("قال \"نعم\"", article.Content);
    }
}
