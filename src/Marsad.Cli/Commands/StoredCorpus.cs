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
        if (!StoreFactory.IsPostgres(dbPath) && !File.Exists(dbPath))
        {
            throw new UsageException($"no store at {dbPath}: run 'marsad analyze INPUT... --db {dbPath}' first");
        }

        using var store = StoreFactory.Open(dbPath);
        var documents = StoredDocuments.Reanalyze(store);
        return new StoredCorpus(documents, CorpusAnalyzer.Default.Analyze(documents, d => DocumentAnalyzer.Default.Reannotate(d)));
    }
}
