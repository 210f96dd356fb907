using System.Globalization;
using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// The stored documents, rebuilt for the corpus stage. The store keeps each document's cleaned text and metadata, so
/// the annotation pipeline is run again on the text (cleaning is not repeated): no layer needs a schema of its own in
/// the store, and the corpus views always see the layers of the running engine.
/// </summary>
internal sealed class StoredCorpus
{
    private StoredCorpus(IReadOnlyList<Document> documents, CorpusResult result)
    {
        Documents = documents;
        Result = result;
    }

    public IReadOnlyList<Document> Documents { get; }

    public CorpusResult Result { get; }

    public Dictionary<string, Document> ById => Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static StoredCorpus Load(string dbPath)
    {
        if (!File.Exists(dbPath))
        {
            throw new UsageException($"no store at {dbPath}: run 'marsad analyze INPUT... --db {dbPath}' first");
        }

        using var store = SqliteDocumentStore.Open(dbPath);
        var pipeline = DocumentAnalyzer.Default.Pipeline;
        var documents = new List<Document>();
        foreach (var stored in store.All())
        {
            var document = new Document(stored.Id, stored.Text)
            {
                Title = stored.Title,
                Outlet = stored.Outlet,
                Url = stored.Url,
                SourcePath = stored.SourcePath,
                Language = stored.Language,
                ContentHash = stored.ContentHash,
            };

            // A date the corpus stage set last time is set again from the stories, not taken as the document's own.
            if (stored.PublishedFrom != "story" && DateOnly.TryParseExact(stored.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
            {
                document.Published = published;
                document.PublishedFrom = stored.PublishedFrom == "metadata" ? PublishedFrom.Metadata : PublishedFrom.Text;
            }

            if (document.Language == "ar")
            {
                pipeline.Run(document);
            }

            documents.Add(document);
        }

        return new StoredCorpus(documents, CorpusAnalyzer.Default.Analyze(documents));
    }
}
