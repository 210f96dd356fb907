using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Marsad.Ingest;

/// <summary>
/// Reads JSON (.json: one object or an array of objects) and JSON Lines (.jsonl: one object per line).
/// Rules:
/// <list type="bullet">
/// <item>UTF-8 bytes are parsed as they are; other encodings (UTF-16, Windows-1256…) are decoded first;</item>
/// <item>JSON Lines: blank lines are skipped; a line that is not valid JSON (a truncated last line) or not a
/// valid record gives an error for that line and the other lines are still read;</item>
/// <item>a .json file whose first object ends and is followed by more values is read as JSON Lines;</item>
/// <item>in an array, an element that is not an object is an error for that element; invalid JSON stops the
/// file with an error naming the line, after the records before it;</item>
/// <item>records map to articles by <see cref="JsonRecordMapper"/>; the fallback id is the file name, and
/// for a container of several records "#" and the record's line.</item>
/// </list>
/// </summary>
public static class JsonArticleReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static IEnumerable<ReadOutcome> ReadJson(string path, ReadOnlyMemory<byte> bytes)
    {
        if (!TryUtf8(path, bytes, out var utf8, out var encodingName, out var failure))
        {
            return [failure!];
        }

        if (IsJsonLines(utf8.Span))
        {
            return ReadLines(path, utf8, encodingName);
        }

        return ReadDocument(path, utf8, encodingName);
    }

    public static IEnumerable<ReadOutcome> ReadJsonLines(string path, ReadOnlyMemory<byte> bytes)
    {
        if (!TryUtf8(path, bytes, out var utf8, out var encodingName, out var failure))
        {
            return [failure!];
        }

        return ReadLines(path, utf8, encodingName);
    }

    private static IEnumerable<ReadOutcome> ReadLines(string path, ReadOnlyMemory<byte> utf8, string encodingName)
    {
        var stem = InputFormats.StemOf(path);
        var lineNumber = 0;
        var start = 0;
        while (start < utf8.Length)
        {
            lineNumber++;
            var newline = utf8.Span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? utf8.Length : start + newline;
            var line = utf8[start..end];
            start = end + 1;
            if (IsBlank(line.Span))
            {
                continue;
            }

            yield return ReadLine(path, line, lineNumber, stem, encodingName);
        }
    }

    private static ReadOutcome ReadLine(string path, ReadOnlyMemory<byte> line, int lineNumber, string stem, string encodingName)
    {
        var label = $"line {lineNumber}";
        try
        {
            using var document = JsonDocument.Parse(line, Options);
            return Map(document.RootElement, path, lineNumber, label, $"{stem}#{lineNumber}", encodingName);
        }
        catch (JsonException e)
        {
            return ReadOutcome.Failure(path, $"{label}: invalid JSON{Where(e, includeLine: false)}: {Reason(e)}", lineNumber);
        }
    }

    private static List<ReadOutcome> ReadDocument(string path, ReadOnlyMemory<byte> utf8, string encodingName)
    {
        var outcomes = new List<ReadOutcome>();
        var stem = InputFormats.StemOf(path);
        var lines = new LineCounter(utf8);
        try
        {
            var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 64,
            });
            if (!reader.Read())
            {
                outcomes.Add(ReadOutcome.Failure(path, TextDecoder.EmptyMessage));
                return outcomes;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                using var single = JsonDocument.ParseValue(ref reader);
                outcomes.Add(Map(single.RootElement, path, 1, "record", stem, encodingName));
                return outcomes;
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                var line = lines.LineAt((int)reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                outcomes.Add(Map(element.RootElement, path, line, $"record {index}", $"{stem}#{line}", encodingName));
            }

            if (index == 0)
            {
                outcomes.Add(ReadOutcome.Failure(path, "empty JSON array"));
            }
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            outcomes.Add(ReadOutcome.Failure(path, $"invalid JSON{Where(e, includeLine: true)}: {Reason(e)}", line));
        }

        return outcomes;
    }

    /// <summary>
    /// One record through <see cref="JsonRecordMapper"/>. A string that is valid JSON but not valid UTF-16 (a lone
    /// surrogate escape such as "\ud800") throws InvalidOperationException when read: that record is an error, the rest goes on.
    /// </summary>
    private static ReadOutcome Map(JsonElement record, string path, int line, string label, string fallbackId, string encodingName)
    {
        try
        {
            return JsonRecordMapper.Map(record, path, line, label, fallbackId, encodingName);
        }
        catch (InvalidOperationException e)
        {
            return ReadOutcome.Failure(path, $"{label}: invalid JSON string: {InputWalker.OneLine(e.Message).TrimEnd('.')}", line);
        }
    }

    /// <summary>True when the first value ends on its own line and another value follows: JSON Lines in a .json file.</summary>
    private static bool IsJsonLines(ReadOnlySpan<byte> utf8)
    {
        var firstLineEnd = utf8.IndexOf((byte)'\n');
        if (firstLineEnd < 0)
        {
            return false;
        }

        var first = utf8[..firstLineEnd];
        var reader = new Utf8JsonReader(first, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.TrySkip())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return !IsBlank(utf8[firstLineEnd..]);
    }

    private static bool TryUtf8(string path, ReadOnlyMemory<byte> bytes, out ReadOnlyMemory<byte> utf8, out string encodingName, out ReadOutcome? failure)
    {
        failure = null;
        encodingName = EncodingDetector.Utf8Name;
        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            span = bytes.Span;
        }

        if (!span.Contains((byte)0) && Utf8.IsValid(span))
        {
            utf8 = bytes;
            if (IsBlank(span))
            {
                failure = ReadOutcome.Failure(path, TextDecoder.EmptyMessage);
                return false;
            }

            return true;
        }

        var decoded = TextDecoder.Decode(span);
        if (!decoded.IsText)
        {
            utf8 = default;
            failure = ReadOutcome.Failure(path, decoded.Error!);
            return false;
        }

        encodingName = decoded.EncodingName;
        utf8 = Encoding.UTF8.GetBytes(decoded.Text!);
        return true;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8) < 0;

    private static string Where(JsonException e, bool includeLine)
    {
        if (e.LineNumber is not { } line)
        {
            return "";
        }

        var column = (e.BytePositionInLine ?? 0) + 1;
        return includeLine ? $" at line {line + 1}, column {column}" : $" at column {column}";
    }

    /// <summary>The exception's message without the position suffix System.Text.Json appends.</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at > 0)
        {
            message = message[..at];
        }

        message = InputWalker.OneLine(message).TrimEnd('.');
        return message.Length > 0 ? message : "malformed value";
    }

    /// <summary>Maps byte offsets to 1-based line numbers, moving forward only.</summary>
    private sealed class LineCounter(ReadOnlyMemory<byte> bytes)
    {
        private int _offset;
        private int _line = 1;

        public int LineAt(int offset)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            _line += bytes.Span[_offset..offset].Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }
}
