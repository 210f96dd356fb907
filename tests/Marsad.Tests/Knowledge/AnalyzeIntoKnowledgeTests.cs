using System.Text.Json;
using Marsad.Cli.Commands;
using Marsad.Knowledge;
using Marsad.Model;
using Marsad.Storage;
using Marsad.Tests.Corpus;
using Marsad.Tests.Support;

namespace Marsad.Tests.Knowledge;

/// <summary><c>analyze</c> into a store that keeps knowledge: the run connects its documents there, and the JSON says the same.</summary>
public sealed class AnalyzeIntoKnowledgeTests
{
    [SharedFact]
    public void AnalyzeConnectsTheSeedsIntoTheStoresKnowledgeAndWritesTheSameStories()
    {
        using var dir = new TempDir();
        var store = new KnowledgeStore();
        var json = dir.File("seeds.json");
        var options = new AnalyzeOptions([SharedData.SeedsDir], json, dir.File("unused.db"), Quiet: true, NoIndex: true) { OpenStore = _ => store };
        Assert.Equal(0, AnalyzeRunner.Run(options));

        var written = Stories(json);
        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), store.Knowledge.AllStories.Select(s => s.Id).Order(StringComparer.Ordinal));
        foreach (var (id, documents) in written)
        {
            Assert.Equal(documents.Order(StringComparer.Ordinal), store.Knowledge.StoryDocuments(id));
        }

        Assert.Equal(1.0, SeedDocuments.BCubedF1([.. written.Select(s => new Story(s.Key, "", s.Value, null, null))], SeedDocuments.GoldStories()));
        Assert.Empty(store.Knowledge.Unconnected(10));
        Assert.Single(store.Knowledge.Changes);

        // The same input again stores nothing again, and its stories and events keep their ids.
        var events = store.Knowledge.AllStories.SelectMany(s => store.Knowledge.StoryEvents(s.Id)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(0, AnalyzeRunner.Run(options));
        Assert.Equal(written, Stories(json));
        Assert.Equal(events, store.Knowledge.AllStories.SelectMany(s => store.Knowledge.StoryEvents(s.Id)).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(5, store.Count());
    }

    [SharedFact]
    public void ARunInDateOrderedChunksConnectsAsOneRunDoes()
    {
        // 600 corpus articles of several outlets, spread over dates, so that stories cross the chunks' edges.
        using var dir = new TempDir();
        var input = dir.File("corpus.jsonl");
        using (var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(SharedData.Path("data", "corpus", "ant_v2.1_multisource.jsonl.gz")), System.IO.Compression.CompressionMode.Decompress)))
        {
            File.WriteAllLines(input, Enumerable.Range(0, 12000).Select(_ => reader.ReadLine()).OfType<string>().Where((_, i) => i % 20 == 0));
        }

        (Dictionary<string, List<string>> Stories, KnowledgeStore Store, JsonDocument Json) Run(int chunk)
        {
            var store = new KnowledgeStore();
            var json = dir.File($"out-{chunk}.json");
            var options = new AnalyzeOptions([input], json, dir.File("unused.db"), Quiet: true, NoIndex: true) { OpenStore = _ => store, ChunkSize = chunk };
            Assert.True(AnalyzeRunner.Run(options) == 0, $"analyze in chunks of {chunk} failed");
            return (Stories(json), store, JsonDocument.Parse(File.ReadAllText(json)));
        }

        var whole = Run(4096);
        var chunked = Run(150);
        Assert.Equal(600, whole.Store.Count());
        Assert.True(chunked.Store.Knowledge.Changes.Count >= 4, "the run went in chunks");

        // Stories grow greedily, so a chunk's edge may move a few documents; the stories stay the same ones.
        var f1 = SeedDocuments.BCubedF1([.. chunked.Stories.Select(s => new Story(s.Key, "", s.Value, null, null))], [.. whole.Stories.Values]);
        var same = whole.Stories.Count(s => chunked.Stories.TryGetValue(s.Key, out var docs) && docs.Order(StringComparer.Ordinal).SequenceEqual(s.Value.Order(StringComparer.Ordinal)));
        // (measured: B-cubed 0.995, 531 of 536 stories the same).
        Assert.True(f1 >= 0.98, $"chunked vs whole: stories B-cubed F1 {f1:0.000}");
        Assert.True(same >= 0.97 * whole.Stories.Count, $"chunked vs whole: {same} of {whole.Stories.Count} stories the same");
        Assert.Equal(chunked.Stories.Keys.Order(StringComparer.Ordinal), chunked.Store.Knowledge.AllStories.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Documents(whole.Json), Documents(chunked.Json));
        Assert.Equal(Ids(whole.Json, "entities"), Ids(chunked.Json, "entities"));
        Assert.Equal(Ids(whole.Json, "events").Count, Ids(chunked.Json, "events").Count);
        Assert.Empty(chunked.Store.Knowledge.Unconnected(10));

        static List<string> Documents(JsonDocument json) =>
            [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetRawText()).Order(StringComparer.Ordinal)];

        static List<string> Ids(JsonDocument json, string section) =>
            [.. json.RootElement.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, List<string>> Stories(string json)
    {
        using var parsed = JsonDocument.Parse(File.ReadAllText(json));
        return parsed.RootElement.GetProperty("stories").EnumerateArray().ToDictionary(
            s => s.GetProperty("id").GetString()!,
            s => s.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!).ToList());
    }

    /// <summary>Documents in memory, knowledge in an <see cref="InMemoryKnowledgeBase"/>: what a store of both does, for the run.</summary>
    private sealed class KnowledgeStore : IDocumentStore, IKnowledgeBase
    {
        private readonly SortedDictionary<string, StoredDocument> _rows = new(StringComparer.Ordinal);

        // When each row was written: a clock of its own, one tick a save.
        private readonly Dictionary<string, DateTime> _written = new(StringComparer.Ordinal);
        private DateTime _clock = DateTime.UnixEpoch;

        public InMemoryKnowledgeBase Knowledge { get; } = new();

        public string Description => "memory";

        public string? GetContentHash(string id) => _rows.GetValueOrDefault(id)?.ContentHash;

        public SaveResult Save(StoredDocument document)
        {
            var before = _rows.GetValueOrDefault(document.Id);
            _rows[document.Id] = document;
            _written[document.Id] = _clock = _clock.AddTicks(1);
            Knowledge.Keep(ToDocument(document));
            return before is null ? SaveResult.Inserted : before.Json == document.Json ? SaveResult.Unchanged : SaveResult.Updated;
        }

        public IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<StoredDocument> documents) => [.. documents.Select(Save)];

        public StoredDocument? Get(string id) => _rows.GetValueOrDefault(id);

        public IEnumerable<StoredDocument> All() => _rows.Values;

        public IReadOnlyList<StoredDocument> GetMany(IReadOnlyCollection<string> ids) => [.. ids.Where(_rows.ContainsKey).Select(id => _rows[id])];

        public int Count() => _rows.Count;

        public IReadOnlyList<DocumentChange> ChangedSince(DocumentMark? after, int limit) =>
        [
            .. _rows.Values.Select(d => new DocumentChange(d.Id, d.ContentHash, d.AnalyzerVersion, _written[d.Id]))
                .Where(c => after is null || c.Mark.CompareTo(after.Value) > 0).OrderBy(c => c.Mark).Take(limit),
        ];

        public string ChangeStamp() => _clock.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Dispose()
        {
        }

        public IReadOnlyList<StoryRecord> StoriesBetween(DateOnly from, DateOnly to) => Knowledge.StoriesBetween(from, to);

        public IReadOnlyList<StoryRecord> UndatedStories(int limit) => Knowledge.UndatedStories(limit);

        public StoryRecord? Story(string id) => Knowledge.Story(id);

        public string? ResolveStory(string id) => Knowledge.ResolveStory(id);

        public IReadOnlyList<string> StoryDocuments(string story) => Knowledge.StoryDocuments(story);

        public IReadOnlyList<EventRecord> StoryEvents(string story) => Knowledge.StoryEvents(story);

        public IEnumerable<Document> Documents(IReadOnlyCollection<string> ids) => Knowledge.Documents(ids);

        public IReadOnlyList<DuplicateCandidate> DuplicateCandidates(IReadOnlyCollection<long> bands, int limit) => Knowledge.DuplicateCandidates(bands, limit);

        public IReadOnlyList<string> Unconnected(int limit) => Knowledge.Unconnected(limit);

        public IReadOnlyList<Marsad.Monitoring.Watchlist> Watchlists() => Knowledge.Watchlists();

        public void Apply(KnowledgeChange change) => Knowledge.Apply(change);

        private static Document ToDocument(StoredDocument row) => new(row.Id, row.Text)
        {
            Title = row.Title,
            Outlet = row.Outlet,
            Url = row.Url,
            SourcePath = row.SourcePath,
            Language = row.Language,
            Encoding = row.Encoding,
            ContentHash = row.ContentHash,
            Published = DateOnly.TryParseExact(row.Published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null,
            PublishedFrom = Enum.TryParse<PublishedFrom>(row.PublishedFrom, ignoreCase: true, out var from) ? from : PublishedFrom.None,
        };
    }
}
