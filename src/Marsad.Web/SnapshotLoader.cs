using System.Globalization;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Corpus.Events;
using Marsad.Export;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Web;

/// <summary>
/// Builds a <see cref="CorpusSnapshot"/> from a store. Rules:
/// <list type="bullet">
/// <item>the store keeps each document's cleaned text and metadata, so the annotation pipeline is run again on the text
/// (as the CLI's corpus commands do) and the corpus stage groups them into stories, duplicates and discrepancies;</item>
/// <item>a date the corpus stage set last time (<c>publishedFrom = story</c>) is not taken as the document's own;</item>
/// <item>everything is then written as one <c>marsad.analysis/1</c> object, and the dashboard reads only that contract
/// (plus sentence bounds and the framing table), so every layer the engine adds reaches the API unchanged;</item>
/// <item>a missing SQLite store file is an empty store: serving never creates files.</item>
/// </list>
/// </summary>
public sealed class SnapshotLoader
{
    /// <summary>Writes the contract's corpus-level <c>events</c> section for the rebuilt documents, when the engine has one.</summary>
    public Func<IReadOnlyList<Document>, Action<Utf8JsonWriter>?>? EventsSection { get; init; }

    public static SnapshotLoader Default { get; } = new();

    /// <summary>
    /// The snapshot of the store <paramref name="dbPath"/> names (a SQLite file or a PostgreSQL URI or connection string). With <paramref name="cache"/>, unchanged rows are not
    /// annotated again; <paramref name="search"/> is the index to bring in line with the store (a new one otherwise).
    /// </summary>
    public CorpusSnapshot Load(string dbPath, ReanalysisCache? cache = null, StoreSearch? search = null)
    {
        if (!StoreFactory.IsPostgres(dbPath) && !File.Exists(dbPath))
        {
            return Build([], search: search);
        }

        using var store = StoreFactory.Open(dbPath);
        return Load(store, cache, search);
    }

    public CorpusSnapshot Load(IDocumentStore store, ReanalysisCache? cache = null, StoreSearch? search = null)
    {
        var documents = StoredDocuments.Reanalyze(store, cache: cache);
        search ??= new StoreSearch();
        search.Sync(store);
        return Build(documents, cache, search);
    }

    /// <summary>
    /// The snapshot of already annotated documents (the corpus stage runs here), searched with <paramref name="search"/>,
    /// else with an index of these documents.
    /// </summary>
    public CorpusSnapshot Build(IReadOnlyList<Document> analyzed, ReanalysisCache? cache = null, StoreSearch? search = null)
    {
        // As in `analyze`: a document its story dates is annotated again, so its times resolve against that date.
        Func<Document, Document> reannotate = d => DocumentAnalyzer.Default.Reannotate(d);
        var corpus = CorpusAnalyzer.Default.Analyze(analyzed, cache is null ? reannotate : d => cache.Redated(d, reannotate));
        var redated = corpus.Redated.ToDictionary(d => d.Id, StringComparer.Ordinal);
        IReadOnlyList<Document> documents = [.. analyzed.Select(d => redated.GetValueOrDefault(d.Id) ?? d)];
        var sections = corpus.ToSections(new CorpusSections
        {
            Entities = w => EntityJson.WriteCatalog(w, documents),
            Events = EventsSection is not null
                ? EventsSection(documents)
                : w => EventJson.WriteEvents(w, EventMerger.Default.Merge(corpus.Stories, documents)),
        });

        using var buffer = new MemoryStream();
        AnalysisJson.WriteAnalysis(buffer, documents.Select(AnalysisJson.DocumentJson), sections);
        var analysis = buffer.ToArray();

        var sentences = new Dictionary<string, TextSpan[]>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (d.TryGet(Layers.Sentences, out var s))
            {
                sentences[d.Id] = s.Select(x => x.Span).ToArray();
            }
        }

        var framing = new Dictionary<string, IReadOnlyList<FramingRow>>(StringComparer.Ordinal);
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var story in corpus.Stories)
        {
            framing[story.Id] = FramingTable.Default.Build(story.Documents.Where(byId.ContainsKey).Select(id => byId[id]).ToList());
        }

        search ??= StoreSearch.Of(documents.Select(StoredDocuments.From));
        return new CorpusSnapshot(analysis, sentences, framing, DocumentAnalyzer.Version, search);
    }
}
