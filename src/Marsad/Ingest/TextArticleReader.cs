using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads a plain-text article (.txt). Rules: one article per file; the content is the decoded text
/// with line breaks normalized to '\n' and nothing else changed (the line cleaner needs every line);
/// the id is the file name without its extension.
/// </summary>
public static class TextArticleReader
{
    public static ReadOutcome Read(string path, DecodedText decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        if (!decoded.IsText)
        {
            return ReadOutcome.Failure(path, decoded.Error!);
        }

        return ReadOutcome.Success(new RawArticle
        {
            Id = InputFormats.StemOf(path),
            IdFromFileName = true,
            SourcePath = path,
            Kind = SourceKind.Text,
            Content = LineEndings.Normalize(decoded.Text!),
            Encoding = decoded.EncodingName,
        });
    }
}
