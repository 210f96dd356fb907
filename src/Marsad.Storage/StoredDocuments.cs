using Marsad.Analysis;
using Marsad.Export;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>The stored row of an analyzed document: its queried columns plus its contract JSON.</summary>
public static class StoredDocuments
{
    public static StoredDocument From(Document d) => From(d, AnalysisJson.DocumentJson(d));

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
