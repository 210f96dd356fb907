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
/// (JSON, JSON Lines, feeds) is refused, and so is a record of a container whose content is larger than
/// <see cref="MaxArticleBytes"/>; a gzip file is measured as it decompresses, one chunk at a time, so a gzip bomb stops
/// at the limit in constant memory;</item>
/// <item>a gzip file whose data ends early (no valid trailer) is reported as truncated: a container's records read
/// before the cut are kept, a cut article is refused;</item>
/// <item>files are read in chunks and never past the limit, whatever size they claim (a device, a file in /proc),
/// and opened without blocking (<see cref="FileOpener"/>: a named pipe is refused, not waited on);</item>
/// <item>nothing throws for bad input: every problem is an outcome with a one-line message; in <see cref="ReadAll"/>, even
/// an unforeseen failure of a reader ends only its file, with a line naming the file, and the other files are read.</item>
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

            foreach (var outcome in Guarded(entry.Path))
            {
                yield return outcome;
            }
        }
    }

    /// <summary>
    /// The outcomes of one file, with any exception a reader throws (a bug: readers report bad input as outcomes) turned
    /// into a last error outcome for that file, after the records read before it. The fuzz targets call the readers
    /// unguarded, so such bugs still surface there.
    /// </summary>
    private static IEnumerable<ReadOutcome> Guarded(string path)
    {
        IEnumerator<ReadOutcome>? outcomes = null;
        try
        {
            while (true)
            {
                ReadOutcome? next = null;
                ReadOutcome? failure = null;
                try
                {
                    outcomes ??= Read(path).GetEnumerator();
                    if (outcomes.MoveNext())
                    {
                        next = outcomes.Current;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failure = ReadOutcome.Failure(path, $"cannot read file: unexpected {e.GetType().Name}: {InputWalker.OneLine(e.Message)}");
                }

                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }

                if (next is null)
                {
                    yield break;
                }

                yield return next;
            }
        }
        finally
        {
            outcomes?.Dispose();
        }
    }

    /// <summary>Reads one file.</summary>
    public static IEnumerable<ReadOutcome> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = InputFormats.ForPath(path, out var gzip);
        var container = format is InputFormat.Json or InputFormat.JsonLines or InputFormat.Feed;
        var bytes = Load(path, gzip, container ? MaxContainerBytes : MaxArticleBytes, out var error, out var truncated);
        if (bytes is null)
        {
            return [ReadOutcome.Failure(path, error!)];
        }

        if (!truncated)
        {
            return Read(path, bytes);
        }

        // A cut container still holds whole records before the cut (a bad last one is named by its reader); a cut
        // article is not the article.
        var message = $"truncated gzip file: its data ends early ({bytes.Length:N0} bytes read)";
        return container
            ? Read(path, bytes).Append(ReadOutcome.Failure(path, message + "; the records before the cut were read"))
            : [ReadOutcome.Failure(path, message)];
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

    private static byte[]? Load(string path, bool gzip, long limit, out string? error, out bool truncated)
    {
        error = null;
        truncated = false;
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

            if (!gzip)
            {
                using var file = FileOpener.OpenRead(path);
                return ReadUpTo(file, limit, (int)Math.Min(info.Length, limit), ref error);
            }

            // A first pass only counts what the file decompresses to, so a gzip bomb is stopped at the limit having
            // held one chunk at a time; the second pass fills an array of exactly that size.
            long size;
            using (var file = FileOpener.OpenRead(path))
            using (var counting = new GZipStream(file, CompressionMode.Decompress))
            {
                size = Count(counting, limit);
            }

            if (size > limit)
            {
                error = $"file too large (over the limit of {limit / (1024 * 1024)} MiB after decompression)";
                return null;
            }

            byte[]? bytes;
            using (var file = FileOpener.OpenRead(path))
            using (var source = new GZipStream(file, CompressionMode.Decompress))
            {
                bytes = ReadUpTo(source, size, (int)size, ref error);
            }

            if (bytes is null)
            {
                error = "file changed while it was read";
                return null;
            }

            truncated = !GzipTrailer.Matches(GzipTrailer.Read(path), bytes);
            return bytes;
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

    /// <summary>
    /// Reads a stream to its end in chunks, never past <paramref name="limit"/>, even when the size is known: a device
    /// (/dev/zero) or a file in /proc reports a length of 0 and never ends.
    /// </summary>
    private static byte[]? ReadUpTo(Stream source, long limit, int capacity, ref string? error)
    {
        using var buffer = new MemoryStream(capacity);
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                error = $"file too large (over the limit of {limit / (1024 * 1024)} MiB)";
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>The bytes a stream holds, counted up to just past <paramref name="limit"/>.</summary>
    private static long Count(Stream source, long limit)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total <= limit && (read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>
    /// The error for one record's content (a JSON field, a feed item) past <see cref="MaxArticleBytes"/> in UTF-8, or
    /// null: a container may be large, but each of its articles is bounded like an article file.
    /// </summary>
    internal static string? ArticleTooLarge(string? content)
    {
        // A char takes at most 3 UTF-8 bytes: only long strings need counting.
        if (content is null || content.Length * 3L <= MaxArticleBytes)
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetByteCount(content) > MaxArticleBytes
            ? $"article too large (over the limit of {MaxArticleBytes / (1024 * 1024)} MiB)"
            : null;
    }

    private static string TooLarge(long size, long limit) =>
        $"file too large ({size / (1024 * 1024)} MiB; the limit is {limit / (1024 * 1024)} MiB)";
}
