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
    /// to give again, not taken as the document's own.
    /// </summary>
    public static List<Document> Reanalyze(IDocumentStore store, DocumentAnalyzer? analyzer = null)
    {
        var pipeline = (analyzer ?? DocumentAnalyzer.Default).Pipeline;
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
                Encoding = stored.Encoding,
            };

            if (stored.PublishedFrom != "story" && DateOnly.TryParseExact(stored.Published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var published))
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

        return documents;
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
