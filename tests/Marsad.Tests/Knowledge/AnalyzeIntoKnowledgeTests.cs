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
