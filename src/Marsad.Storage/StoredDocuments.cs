using Marsad.Analysis;
using Marsad.Export;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>The stored row of an analyzed document: its queried columns plus its contract JSON.</summary>
public static class StoredDocuments
{
    public static StoredDocument From(Document d) => From(d, AnalysisJson.DocumentJson(d));

    /// <summary>
    /// Every stored document, annotated again by the current engine from its stored cleaned text and metadata (the
    /// cleaner does not run again), ready for the corpus stage. A date a story gave last time is left for the stories
    /// to give again, not taken as the document's own. Documents are annotated on every core, in store order; with
    /// <paramref name="cache"/>, rows unchanged since its last reload are not annotated again.
    /// </summary>
    public static List<Document> Reanalyze(IDocumentStore store, DocumentAnalyzer? analyzer = null, ReanalysisCache? cache = null)
    {
        var pipeline = (analyzer ?? DocumentAnalyzer.Default).Pipeline;
        // The contract JSON is not read here; dropping it keeps a large store's rows small.
        var rows = store.All().Select(r => r with { Json = "" }).ToList();
        var documents = new Document[rows.Count];
        var pending = new List<int>();
        cache?.BeginReload();
        for (var i = 0; i < rows.Count; i++)
        {
            if (cache?.Reuse(rows[i]) is { } reused)
            {
                SetPublished(reused, rows[i]);
                documents[i] = reused;
            }
            else
            {
                documents[i] = Rebuild(rows[i]);
                pending.Add(i);
            }
        }

        // The pipeline is thread-safe and order-independent (as in `analyze`), so the output is that of one thread.
        Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (documents[i].Language == "ar")
            {
                pipeline.Run(documents[i]);
            }
        });

        foreach (var i in pending)
        {
            cache?.Keep(rows[i], documents[i]);
        }

        cache?.EndReload();
        return [.. documents];
    }

    /// <summary>A stored row as a document to annotate (not annotated); a date a story gave is not taken as its own.</summary>
    internal static Document Rebuild(StoredDocument stored)
    {
        var document = new Document(stored.Id, stored.Text)
        {
            Title = stored.Title,
            Outlet = stored.Outlet,
            Url = stored.Url,
            SourcePath = stored.SourcePath,
            Language = stored.Language,
            ContentHash = stored.ContentHash,
            Encoding = stored.Encoding,
        };
        SetPublished(document, stored);
        return document;
    }

    private static void SetPublished(Document document, StoredDocument stored)
    {
        document.Published = null;
        document.PublishedFrom = PublishedFrom.None;
        if (stored.PublishedFrom != "story" && DateOnly.TryParseExact(stored.Published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var published))
        {
            document.Published = published;
            document.PublishedFrom = stored.PublishedFrom == "metadata" ? PublishedFrom.Metadata : PublishedFrom.Text;
        }
    }

    public static StoredDocument From(Document d, string json) => new()
    {
        Id = d.Id,
        ContentHash = d.ContentHash,
        AnalyzerVersion = DocumentAnalyzer.Version,
        Text = d.Text,
        Title = d.Title,
        Outlet = d.Outlet,
        Published = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        PublishedFrom = ContractNames.Of(d.PublishedFrom),
        SourcePath = d.SourcePath,
        Url = d.Url,
        Language = d.Language,
        Encoding = d.Encoding,
        RemovedCount = d.Removed.Count,
        Json = json,
    };
}
