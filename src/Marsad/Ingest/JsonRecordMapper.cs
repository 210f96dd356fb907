using System.Text.Json;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Turns one JSON record into a <see cref="RawArticle"/>. Rules:
/// <list type="bullet">
/// <item>content: the first of <c>text content body article articleBody full_text</c> (plain text; markup
/// inside it is converted, entities decoded), else <c>html raw_html content_html body_html</c> (a whole page goes
/// through the article extractor, a snippet through the fragment converter);</item>
/// <item>metadata: <c>id</c>, <c>url</c> (alias <c>link</c>), <c>title</c> (alias <c>headline</c>),
/// <c>outlet</c> (aliases <c>source site publisher site_name</c>; an object's <c>name</c> counts), <c>published</c>
/// (aliases <c>date time pubDate published_at publishedAt datePublished date_published date_extracted timestamp</c>);
/// names match without regard to case;</item>
/// <item>a field of the wrong type (a number or an array where a string is expected) is an error naming the
/// field; <c>null</c> counts as absent; an id may be a number; a date may be a Unix time stamp;</item>
/// <item>a date that cannot be read leaves <c>Published</c> empty with a warning;</item>
/// <item>id: the record's id, else its url, else the fallback id the caller gives (file name # line).</item>
/// </list>
/// </summary>
internal static class JsonRecordMapper
{
    private static readonly string[] TextFields = ["text", "content", "body", "article", "articleBody", "full_text"];
    private static readonly string[] HtmlFields = ["html", "raw_html", "content_html", "body_html"];
    private static readonly string[] IdFields = ["id", "_id", "guid"];
    private static readonly string[] UrlFields = ["url", "link"];
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] OutletFields = ["outlet", "source", "site", "publisher", "site_name"];
    private static readonly string[] DateFields =
        ["published", "date", "time", "pubDate", "published_at", "publishedAt", "datePublished", "date_published", "date_extracted", "timestamp"];

    /// <param name="label">How messages name the record: "line 4", "record 2 (line 7)".</param>
    public static ReadOutcome Map(JsonElement record, string path, int line, string label, string fallbackId, string encodingName)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return ReadOutcome.Failure(path, $"{label}: expected a JSON object, found {Describe(record.ValueKind)}", line);
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in record.EnumerateObject())
        {
            fields.TryAdd(property.Name, property.Value);
        }

        string? error = null;
        var text = FindString(fields, TextFields, label, ref error);
        var html = FindString(fields, HtmlFields, label, ref error);
        var id = FindId(fields, label, ref error);
        var url = FindString(fields, UrlFields, label, ref error);
        var title = FindString(fields, TitleFields, label, ref error);
        var outlet = FindString(fields, OutletFields, label, ref error, nameObjects: true);
        var (published, dateWarning) = FindDate(fields, label, ref error);
        if (error is not null)
        {
            return ReadOutcome.Failure(path, error, line);
        }

        var source = string.IsNullOrWhiteSpace(text.Value) ? html : text;
        if (ArticleReader.ArticleTooLarge(source.Value) is { } tooLarge)
        {
            return ReadOutcome.Failure(path, $"{label}: field '{source.Name}': {tooLarge}", line);
        }

        var warnings = new List<ReadError>();
        if (dateWarning is not null)
        {
            warnings.Add(new ReadError(path, dateWarning, line));
        }

        string content;
        SourceKind kind;
        if (!string.IsNullOrWhiteSpace(text.Value))
        {
            content = HtmlArticleExtractor.ToPlainText(text.Value);
            kind = SourceKind.Text;
        }
        else if (!string.IsNullOrWhiteSpace(html.Value))
        {
            kind = SourceKind.Html;
            if (HtmlArticleExtractor.IsWholePage(html.Value))
            {
                var extraction = HtmlArticleExtractor.Extract(html.Value, url.Value);
                content = extraction.Text;
                title.Value ??= extraction.Metadata.Title;
                outlet.Value ??= extraction.Metadata.Outlet;
                published ??= extraction.Metadata.Published;
                url.Value ??= extraction.Metadata.Url;
                warnings.AddRange(extraction.Warnings.Select(w => new ReadError(path, $"{label}: {w}", line)));
            }
            else
            {
                content = HtmlArticleExtractor.FragmentToText(html.Value);
            }
        }
        else
        {
            var which = text.Name ?? html.Name;
            return ReadOutcome.Failure(path, which is not null
                ? $"{label}: field '{which}' is empty"
                : $"{label}: no text; expected a field named one of: {string.Join(", ", TextFields.Concat(HtmlFields))}", line);
        }

        if (TextDecoder.IsBlank(content))
        {
            return ReadOutcome.Failure(path, $"{label}: no text found in field '{text.Name ?? html.Name}'", line);
        }

        return ReadOutcome.Success(new RawArticle
        {
            Id = id ?? url.Value ?? fallbackId,
            IdFromFileName = id is null && url.Value is null,
            SourcePath = path,
            Kind = kind,
            Content = content,
            Title = Clean(title.Value),
            Outlet = Clean(outlet.Value),
            Published = published,
            Url = Clean(url.Value),
            Encoding = encodingName,
        }, warnings);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : HtmlMetadataReader.Clean(value);

    private static Found FindString(Dictionary<string, JsonElement> fields, string[] names, string label, ref string? error, bool nameObjects = false)
    {
        foreach (var name in names)
        {
            if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return new Found(name, value.GetString());
                case JsonValueKind.Object when nameObjects && value.TryGetProperty("name", out var inner) && inner.ValueKind == JsonValueKind.String:
                    return new Found(name, inner.GetString());
                default:
                    error ??= $"{label}: field '{name}' is {Describe(value.ValueKind)}, expected a string";
                    return new Found(name, null);
            }
        }

        return new Found(null, null);
    }

    private static string? FindId(Dictionary<string, JsonElement> fields, string label, ref string? error)
    {
        foreach (var name in IdFields)
        {
            if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                    return value.GetString()!.Trim();
                case JsonValueKind.String:
                    continue;
                case JsonValueKind.Number:
                    return value.GetRawText();
                default:
                    error ??= $"{label}: field '{name}' is {Describe(value.ValueKind)}, expected a string or a number";
                    return null;
            }
        }

        return null;
    }

    private static (DateOnly? Date, string? Warning) FindDate(Dictionary<string, JsonElement> fields, string label, ref string? error)
    {
        foreach (var name in DateFields)
        {
            if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var raw = value.GetString()!;
                    if (string.IsNullOrWhiteSpace(raw))
                    {
                        continue;
                    }

                    return PublishedDateParser.TryParse(raw, out var date)
                        ? (date, null)
                        : (null, $"{label}: unrecognized date '{Shorten(raw)}' in field '{name}'; published left empty");
                case JsonValueKind.Number:
                    return PublishedDateParser.TryFromUnix(value.GetDouble(), out var stamp)
                        ? (stamp, null)
                        : (null, $"{label}: number {value.GetRawText()} in field '{name}' is not a Unix time stamp; published left empty");
                default:
                    error ??= $"{label}: field '{name}' is {Describe(value.ValueKind)}, expected a date string";
                    return (null, null);
            }
        }

        return (null, null);
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private sealed class Found(string? name, string? value)
    {
        public string? Name { get; } = name;

        public string? Value { get; set; } = value;
    }
}
