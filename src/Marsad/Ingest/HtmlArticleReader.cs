using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads one article page (.html, .htm). Rules: the text and metadata come from
/// <see cref="HtmlArticleExtractor"/>; the content is plain text lines (Kind stays Html so later stages
/// know where it came from); the id is the file name without its extension; a page with no text is an error.
/// </summary>
public static class HtmlArticleReader
{
    public static ReadOutcome Read(string path, DecodedText decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        if (!decoded.IsText)
        {
            return ReadOutcome.Failure(path, decoded.Error!);
        }

        var extraction = HtmlArticleExtractor.Extract(decoded.Text!);
        if (TextDecoder.IsBlank(extraction.Text))
        {
            return ReadOutcome.Failure(path, "no text found in the HTML page");
        }

        var metadata = extraction.Metadata;
        var article = new RawArticle
        {
            Id = InputFormats.StemOf(path),
            IdFromFileName = true,
            SourcePath = path,
            Kind = SourceKind.Html,
            Content = extraction.Text,
            Title = metadata.Title,
            Outlet = metadata.Outlet,
            Published = metadata.Published,
            Url = metadata.Url,
            Encoding = decoded.EncodingName,
        };
        return ReadOutcome.Success(article, [.. extraction.Warnings.Select(w => new ReadError(path, w))]);
    }
}
