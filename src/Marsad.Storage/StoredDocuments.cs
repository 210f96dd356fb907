using Marsad.Analysis;
using Marsad.Export;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>The stored row of an analyzed document: its queried columns plus its contract JSON.</summary>
public static class StoredDocuments
{
    public static StoredDocument From(Document d) => From(d, AnalysisJson.DocumentJson(d));

    /// <summary>
    /// A stored row as a document to annotate (not annotated): a date a story gave is not taken as its own, and what the
    /// cleaner removed comes back from the row's contract JSON, so a document written again still says what was cut.
    /// </summary>
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
            Removed = RemovedOf(stored.Json),
        };
        SetPublished(document, stored);
        return document;
    }

    private static List<Removal> RemovedOf(string json)
    {
        if (json.Length == 0)
        {
            return [];
        }

        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        if (!parsed.RootElement.TryGetProperty("removed", out var removed) || removed.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return [];
        }

        return [.. removed.EnumerateArray().Select(r => new Removal(
            r.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
            r.TryGetProperty("reason", out var why) && Enum.TryParse<RemovalReason>(why.GetString(), ignoreCase: true, out var reason) ? reason : RemovalReason.Other))];
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
