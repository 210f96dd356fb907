using System.Text.Json;

namespace Marsad.Storage.Search;

/// <summary>
/// What the search index holds of one stored document: its searchable text fields and its filter values. Built
/// from the stored row and its <c>marsad.analysis/1</c> JSON, reading the entity mentions (<c>entities[].text</c>, and
/// <c>name</c> when a layer gives one) and the event types the document carries (<c>events[].type</c>), when present.
/// </summary>
public sealed record IndexedDocument
{
    public required string Id { get; init; }

    /// <summary>Content hash and analyzer version: an index entry with another value is stale.</summary>
    public required string Version { get; init; }

    public string? Title { get; init; }

    public required string Text { get; init; }

    public string? Outlet { get; init; }

    /// <summary>ISO date (yyyy-MM-dd) or null.</summary>
    public string? Published { get; init; }

    public IReadOnlyList<string> Entities { get; init; } = [];

    public static string VersionOf(StoredDocument d) => d.ContentHash + "/" + d.AnalyzerVersion;

    /// <summary>The index view of a stored document; a JSON without an entity layer gives an empty list.</summary>
    public static IndexedDocument From(StoredDocument d)
    {
        var entities = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(d.Json);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                Collect(root, "entities", ["text", "name"], entities);
            }
        }
        catch (JsonException)
        {
            // A row whose JSON cannot be read is still searchable by its text.
        }

        return new IndexedDocument
        {
            Id = d.Id,
            Version = VersionOf(d),
            Title = d.Title,
            Text = d.Text,
            Outlet = d.Outlet,
            Published = d.Published,
            Entities = entities.Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static void Collect(JsonElement root, string array, string[] properties, List<string> into)
    {
        if (!root.TryGetProperty(array, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var p in properties)
            {
                if (item.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
                {
                    into.Add(s);
                }
            }
        }
    }
}
