using System.IO.Compression;

namespace Marsad.Ingest;

/// <summary>
/// The entry point of ingestion: turns input paths into articles and errors. Rules:
/// <list type="bullet">
/// <item>inputs expand through <see cref="InputWalker"/> (folders recursively, ordinal order);</item>
/// <item>the extension picks the reader (<see cref="InputFormats"/>); <c>.gz</c> files are decompressed first;</item>
/// <item>.xml/.rss/.atom go by their root element: a feed, or an XHTML page read as HTML;
/// a file of unknown extension is sniffed: markup, a feed, JSON, JSON Lines, else text;</item>
/// <item>a file larger than <see cref="MaxArticleBytes"/> (one article) or <see cref="MaxContainerBytes"/>
/// (JSON, JSON Lines, feeds, after decompression) is refused;</item>
/// <item>files are read in chunks and never past the limit, whatever size they claim (a device, a file in /proc),
/// and opened without blocking (<see cref="FileOpener"/>: a named pipe is refused, not waited on);</item>
/// <item>nothing throws for bad input: every problem is an outcome with a one-line message.</item>
/// </list>
/// Stateless and thread-safe; outcomes are produced lazily, file by file.
/// </summary>
public static class ArticleReader
{
    public const long MaxArticleBytes = 64L * 1024 * 1024;
    public const long MaxContainerBytes = 1024L * 1024 * 1024;

    /// <summary>Reads every article under the given files and folders, with walk problems as error outcomes.</summary>
    public static IEnumerable<ReadOutcome> ReadAll(IEnumerable<string> inputs)
    {
        foreach (var entry in InputWalker.Walk(inputs))
        {
            if (entry.Error is { } error)
            {
                yield return ReadOutcome.Failure(error);
                continue;
            }

            foreach (var outcome in Read(entry.Path))
            {
                yield return outcome;
            }
        }
    }

    /// <summary>Reads one file.</summary>
    public static IEnumerable<ReadOutcome> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = InputFormats.ForPath(path, out var gzip);
        var limit = format is InputFormat.Json or InputFormat.JsonLines or InputFormat.Feed ? MaxContainerBytes : MaxArticleBytes;
        var bytes = Load(path, gzip, limit, out var error);
        return bytes is null ? [ReadOutcome.Failure(path, error!)] : Read(path, bytes);
    }

    /// <summary>Reads content already in memory; <paramref name="path"/> names it and its extension picks the reader.</summary>
    public static IEnumerable<ReadOutcome> Read(string path, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = InputFormats.ForPath(path, out _);
        switch (format)
        {
            case InputFormat.Json:
                return JsonArticleReader.ReadJson(path, content);
            case InputFormat.JsonLines:
                return JsonArticleReader.ReadJsonLines(path, content);
            case InputFormat.Text:
                return [TextArticleReader.Read(path, TextDecoder.Decode(content.Span))];
            case InputFormat.Html:
                return [HtmlArticleReader.Read(path, DecodeMarkup(content.Span))];
        }

        var decoded = DecodeMarkup(content.Span);
        if (!decoded.IsText)
        {
            return [ReadOutcome.Failure(path, decoded.Error!)];
        }

        var sniffed = FormatSniffer.Sniff(decoded.Text!);
        if (format == InputFormat.Feed && sniffed is not (InputFormat.Feed or InputFormat.Html))
        {
            // A .xml file that is neither a feed nor a page: the feed reader names its root element.
            sniffed = InputFormat.Feed;
        }

        return sniffed switch
        {
            InputFormat.Feed => FeedArticleReader.Read(path, decoded),
            InputFormat.Html => [HtmlArticleReader.Read(path, decoded)],
            InputFormat.Json => JsonArticleReader.ReadJson(path, content),
            InputFormat.JsonLines => JsonArticleReader.ReadJsonLines(path, content),
            _ => [TextArticleReader.Read(path, decoded)],
        };
    }

    private static DecodedText DecodeMarkup(ReadOnlySpan<byte> bytes) =>
        TextDecoder.Decode(bytes, EncodingDetector.DeclaredCharset(bytes));

    private static byte[]? Load(string path, bool gzip, long limit, out string? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = Directory.Exists(path) ? "is a folder, not a file" : "no such file";
                return null;
            }

            if (!gzip && info.Length > limit)
            {
                error = TooLarge(info.Length, limit);
                return null;
            }

            // Read in chunks up to the limit even when the size is known: a device (/dev/zero) or a file in /proc
            // reports a length of 0 and never ends.
            using var file = FileOpener.OpenRead(path);
            using var source = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            using var buffer = new MemoryStream(gzip ? 0 : (int)Math.Min(info.Length, limit));
            var chunk = new byte[81920];
            int read;
            while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    error = $"file too large (over the limit of {limit / (1024 * 1024)} MiB{(gzip ? " after decompression" : "")})";
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            error = "not a valid gzip file: " + InputWalker.OneLine(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = "cannot read file: " + InputWalker.OneLine(e.Message);
        }

        return null;
    }

    private static string TooLarge(long size, long limit) =>
        $"file too large ({size / (1024 * 1024)} MiB; the limit is {limit / (1024 * 1024)} MiB)";
}
