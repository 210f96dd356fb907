using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Export;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Tests.Corpus;
using Marsad.Tests.Support;
using Xunit.Abstractions;

namespace Marsad.Tests.Knowledge;

public sealed class KnowledgeRunTests(ITestOutputHelper output)
{
    private const string Talks = "بدأت في العاصمة جولة جديدة من المفاوضات بين وفدي الحكومة والمعارضة حول تقاسم السلطة وصياغة الدستور الانتقالي برعاية المبعوث الأممي الذي وصف الأجواء بالإيجابية";
    private const string TalksFollowUp = "انتهت جولة المفاوضات بين وفدي الحكومة والمعارضة حول الدستور الانتقالي وتقاسم السلطة دون اتفاق وقال المبعوث الأممي إن الوفدين سيعودان إلى الطاولة";
    private const string Floods = "غمرت السيول عشرات القرى في الوادي بعد أمطار غزيرة استمرت ثلاثة أيام وأعلنت فرق الدفاع المدني إجلاء مئات العائلات من منازلها المتضررة";

    // Analyzed once; each test connects fresh copies, since a run condenses and dates the documents it is given.
    private static readonly Lazy<List<Document>> Seeds = new(SeedDocuments.Analyze);
    private static readonly Lazy<List<Document>> AntDev = new(AntDevDocuments.Analyze);

    [SharedTheory]
    [InlineData("seeds", "date")]
    [InlineData("seeds", "reverse")]
    [InlineData("seeds", "shuffled")]
    [InlineData("ant-dev", "date")]
    [InlineData("ant-dev", "reverse")]
    [InlineData("ant-dev", "shuffled")]
    public void StoriesBuiltOneArticleAtATimeMatchTheGold(string set, string order)
    {
        var (documents, gold) = set == "seeds" ? (Copies(Seeds.Value), SeedDocuments.GoldStories()) : (Copies(AntDev.Value), AntDevDocuments.GoldStories());
        var dated = InDateOrder(documents);
        var arrival = order switch
        {
            "date" => dated,
            "reverse" => Enumerable.Reverse(dated).ToList(),
            _ => Shuffle(dated, 20261207),
        };

        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);
        foreach (var d in arrival)
        {
            kb.Keep(d);
            run.Connect([d]);
        }

        var stories = Stories(kb);
        foreach (var s in stories)
        {
            output.WriteLine($"{s.Id} [{string.Join(", ", s.Documents)}]");
        }

        var f1 = SeedDocuments.BCubedF1(stories, gold);
        output.WriteLine($"{set} in {order} order: stories B-cubed F1 {f1:0.000}");
        Assert.True(f1 >= 0.95, $"{set} in {order} order: B-cubed F1 {f1:0.000}");
        Assert.Empty(kb.Unconnected(100));

        // The store stays whole: each document in one story, each story's count its documents', event ids unique.
        Assert.Equal(documents.Select(d => d.Id).Order(StringComparer.Ordinal), stories.SelectMany(s => s.Documents).Order(StringComparer.Ordinal));
        Assert.All(kb.AllStories, s => Assert.Equal(kb.StoryDocuments(s.Id).Count, s.Documents));
        var events = kb.AllStories.SelectMany(s => kb.StoryEvents(s.Id)).Select(e => e.Id).ToList();
        Assert.Equal(events.Count, events.Distinct(StringComparer.Ordinal).Count());
        Assert.All(kb.AllRedirects, r => Assert.NotNull(kb.Story(r.Value)));
    }

    [SharedFact]
    public void AnotherArticleTouchesOnlyItsStoryAndKeepsTheIdsItFinds()
    {
        var documents = InDateOrder(Copies(AntDev.Value));
        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);

        // The latest article that joins a story of others (as the whole set clusters) comes last.
        var joining = StoryClusterer.Cluster(documents).Where(s => s.Documents.Count > 1).SelectMany(s => s.Documents.Skip(1)).ToHashSet();
        var last = documents.Last(d => joining.Contains(d.Id));
        foreach (var d in documents.Where(d => d != last))
        {
            kb.Keep(d);
            run.Connect([d]);
        }

        var before = kb.AllStories.ToDictionary(s => s.Id);
        var eventsBefore = before.Keys.ToDictionary(id => id, id => kb.StoryEvents(id).ToList());
        kb.Keep(last);
        var clock = Stopwatch.StartNew();
        var result = run.Connect([last]);
        clock.Stop();
        output.WriteLine($"connecting one more article into the base of {before.Count} stories: {clock.ElapsedMilliseconds} ms");

        var story = kb.StoryOf(last.Id)!;
        var change = result.Change;
        Assert.Equal([story], change.Stories.Select(s => s.Id));
        Assert.All(change.DocumentStories.Values, s => Assert.Equal(story, s));
        Assert.All(change.Events, e => Assert.Equal(story, e.Story));
        Assert.All(change.Discrepancies, d => Assert.Equal(story, d.Story));
        Assert.All(change.Redirects, r => Assert.Equal(story, r.Value));

        // Every story known before still answers to its id; those not touched are as they were.
        foreach (var (id, record) in before)
        {
            Assert.NotNull(kb.ResolveStory(id));
            if (kb.ResolveStory(id) != story)
            {
                Assert.Same(record, kb.Story(id));
            }
        }

        // The story it joined kept its id, and an event that continues one event kept before keeps its id.
        Assert.True(before.ContainsKey(story), "the article opened a story instead of joining one");
        var previous = change.Redirects.Keys.Append(story).SelectMany(id => eventsBefore[id]).Select(e => (e.Id, Mentions: Mentions(e.Json))).ToList();
        foreach (var e in kb.StoryEvents(story))
        {
            var mentions = Mentions(e.Json);
            var continued = previous.Where(p => p.Mentions.IsSubsetOf(mentions)).ToList();
            if (continued.Count == 1)
            {
                Assert.Equal(continued[0].Id, e.Id);
            }
        }

        Assert.True(previous.Count == 0 || kb.StoryEvents(story).Any(e => previous.Any(p => p.Id == e.Id)));
    }

    [SharedFact]
    public void KeptEventsCarryTheRowsTheExportMakesFromTheAnalysis()
    {
        var kb = new InMemoryKnowledgeBase();
        var result = new KnowledgeRun(kb).Connect(Copies(Seeds.Value));
        using var buffer = new MemoryStream();
        AnalysisJson.WriteAnalysis(buffer, result.Documents.Select(AnalysisJson.DocumentJson), result.ToSections());
        var rows = EventRows.FromAnalysis(JsonNode.Parse(buffer.ToArray())!);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, result.Change.Events.Count);
        foreach (var row in rows)
        {
            var kept = Assert.Single(result.Change.Events, e => e.Id == row.Id);
            Assert.Equal(row, JsonSerializer.Deserialize<EventRow>(kept.RowJson));
            Assert.NotNull(kb.StoryEvents(kept.Story!).SingleOrDefault(e => e.Id == row.Id));
        }
    }

    [Fact]
    public void AStoryIsNamedByItsOpeningDocumentAndKeepsItsName()
    {
        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);
        Connect(kb, run, StoryClustererTests.Doc("talks-1", Talks, 2024, 3, 1));
        var id = Assert.Single(kb.AllStories).Id;
        Assert.Equal(StableIds.Story("talks-1", _ => false), id);
        Assert.Matches("^s[a-z2-7]{10}$", id);

        Connect(kb, run, StoryClustererTests.Doc("floods", Floods, 2024, 3, 1));
        Connect(kb, run, StoryClustererTests.Doc("talks-2", TalksFollowUp, 2024, 3, 2));
        Assert.Equal(2, kb.AllStories.Count);
        Assert.Equal(id, kb.StoryOf("talks-2"));
        Assert.Equal(["talks-1", "talks-2"], kb.StoryDocuments(id));
        Assert.Equal(2, kb.Story(id)!.Documents);
    }

    [Fact]
    public void AReportThatBridgesTwoStoredStoriesMergesThemAndTheOldIdRedirects()
    {
        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);
        Connect(kb, run, StoryClustererTests.Doc("a", "بدأت جولة جديدة من المفاوضات بين وفدي الحكومة والمعارضة", 2024, 3, 1));
        Connect(kb, run, StoryClustererTests.Doc("b", "تقاسم السلطة وصياغة الدستور الانتقالي برعاية المبعوث الأممي", 2024, 3, 1));
        var a = kb.StoryOf("a")!;
        var b = kb.StoryOf("b")!;
        Assert.NotEqual(a, b);

        var result = Connect(kb, run, StoryClustererTests.Doc("c", Talks, 2024, 3, 2));
        var survivor = Assert.Single(kb.AllStories).Id;
        Assert.Contains(survivor, new[] { a, b });
        var merged = survivor == a ? b : a;
        Assert.Equal(new Dictionary<string, string> { [merged] = survivor }, result.Change.Redirects);
        Assert.Equal(survivor, kb.ResolveStory(merged));
        Assert.Equal(survivor, kb.ResolveStory(survivor));
        Assert.Null(kb.Story(merged));
        Assert.Equal(["a", "b", "c"], kb.StoryDocuments(survivor));
        Assert.Equal(["a", "b", "c"], Assert.Single(result.Stories).Documents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DocumentsStoredButNeverConnectedAreConnectedByTheNextRun()
    {
        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);
        kb.Keep(StoryClustererTests.Doc("talks-1", Talks, 2024, 3, 1));
        kb.Keep(StoryClustererTests.Doc("talks-2", TalksFollowUp, 2024, 3, 2));
        Assert.Equal(["talks-1", "talks-2"], kb.Unconnected(10));

        var result = Connect(kb, run, StoryClustererTests.Doc("floods", Floods, 2024, 3, 1));
        Assert.Equal(["floods", "talks-1", "talks-2"], result.Documents.Select(d => d.Id));
        Assert.Empty(kb.Unconnected(10));
        Assert.Equal(kb.StoryOf("talks-1"), kb.StoryOf("talks-2"));
        Assert.NotEqual(kb.StoryOf("floods"), kb.StoryOf("talks-1"));
    }

    [Fact]
    public void ADocumentNotInArabicIsConnectedWithoutAStory()
    {
        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);
        var english = new Document("en-1", "The talks between the government and the opposition ended without an agreement.") { Language = "en" };
        var result = Connect(kb, run, english);
        Assert.Equal(["en-1"], result.Change.Unstoried);
        Assert.Empty(result.Stories);
        Assert.Empty(kb.Unconnected(10));
        Assert.Null(kb.StoryOf("en-1"));
    }

    [Fact]
    public void ACopyOfAStoredArticleIsFoundThroughItsBands()
    {
        var text = Talks + " " + TalksFollowUp;
        var kb = new InMemoryKnowledgeBase();
        var run = new KnowledgeRun(kb);
        Connect(kb, run, StoryClustererTests.Doc("original", text, 2024, 3, 1));
        var result = Connect(kb, run, StoryClustererTests.Doc("copy", text + " وفق ما نقلت الوكالة", 2024, 3, 1));
        var pair = Assert.Single(result.Duplicates);
        Assert.Equal(("original", "copy"), (pair.A, pair.B));
        Assert.Equal(new DuplicateRecord("copy", "original", pair.Similarity), Assert.Single(kb.AllDuplicates));
    }

    [Fact]
    public void AStoryStateReadsBackAsItWasWritten()
    {
        var state = new StoryState(["مفاوض", "دستور"], [1.5f, 0.25f], new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4), 2024, "a", "جولة \"جديدة\"", true);
        var back = StoryState.Parse(state.ToJson(), "s1");
        Assert.Equal(state.Keys, back.Keys);
        Assert.Equal(state.Weights, back.Weights);
        Assert.Equal(state with { Keys = back.Keys, Weights = back.Weights }, back);
        var error = Assert.Throws<InvalidDataException>(() => StoryState.Parse("{\"k\":[\"x\"]}", "s7"));
        Assert.StartsWith("story s7:", error.Message, StringComparison.Ordinal);
    }

    private static KnowledgeResult Connect(InMemoryKnowledgeBase kb, KnowledgeRun run, Document document)
    {
        kb.Keep(document);
        return run.Connect([document]);
    }

    private static List<Document> Copies(List<Document> documents) => documents.Select(d => DocumentAnalyzer.Default.Reannotate(d)).ToList();

    /// <summary>The order <see cref="StoryClusterer.Cluster"/> takes documents in: dated by date, then undated, each by id.</summary>
    private static List<Document> InDateOrder(List<Document> documents) =>
        documents.OrderBy(d => d.Published ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

    private static List<Document> Shuffle(List<Document> documents, int seed)
    {
        var random = new Random(seed);
        var list = documents.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static List<Story> Stories(InMemoryKnowledgeBase kb) =>
        kb.AllStories.Select(s => new Story(s.Id, s.Title, kb.StoryDocuments(s.Id), null, null)).ToList();

    private static HashSet<(string, int)> Mentions(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return parsed.RootElement.GetProperty("mentions").EnumerateArray()
            .Select(m => (m.GetProperty("doc").GetString()!, m.GetProperty("start").GetInt32())).ToHashSet();
    }
}
