using System.Text;
using System.Text.Unicode;

namespace Marsad.Ingest;

/// <summary>
/// Finds the encoding of a file's bytes. Rules, in order:
/// <list type="number">
/// <item>a byte order mark decides: UTF-32 LE/BE (checked before UTF-16, whose mark is a prefix), UTF-8, UTF-16 LE/BE;</item>
/// <item>valid UTF-8 without NUL bytes and without a run of control characters is UTF-8 (pure ASCII included);</item>
/// <item>UTF-16 without a mark is recognized by its byte pattern: the "high" bytes (odd positions for
/// little endian) take at most two values for ≥ 90% of code units (0x00 for ASCII, one script block
/// such as 0x06 for Arabic) and the "low" bytes are almost never zero; without any zero high byte the
/// dominant one must be an Arabic block; the length must be even and the strict decode must succeed;</item>
/// <item>any other NUL byte means binary content;</item>
/// <item>UTF-8 damaged in a few places (valid multi-byte sequences outnumber invalid bytes
/// <see cref="DamagedUtf8Ratio"/> to one) is UTF-8, the invalid bytes becoming U+FFFD: read as Windows-1256 it would
/// be mojibake throughout, while Windows-1256 Arabic almost never forms a valid UTF-8 sequence;</item>
/// <item>bytes that are not valid UTF-8 use the charset the markup declares (HTML meta, XML declaration)
/// when there is one, else Windows-1256, the legacy code page of Arabic web text.</item>
/// </list>
/// Only the first <see cref="SampleBytes"/> bytes are examined for the UTF-16 pattern.
/// </summary>
public static class EncodingDetector
{
    public const int SampleBytes = 64 * 1024;

    public const string Utf8Name = "utf-8";
    public const string Utf16LeName = "utf-16le";
    public const string Utf16BeName = "utf-16be";
    public const string Utf32LeName = "utf-32le";
    public const string Utf32BeName = "utf-32be";
    public const string Windows1256Name = "windows-1256";

    private static readonly Lazy<Encoding> Windows1256 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    });

    /// <summary>Valid multi-byte sequences per invalid byte above which bytes are damaged UTF-8, not a legacy code page.</summary>
    public const int DamagedUtf8Ratio = 10;

    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    internal static readonly Encoding LenientUtf8 = new UTF8Encoding(false, false);
    internal static readonly Encoding StrictUtf16Le = new UnicodeEncoding(false, false, true);
    internal static readonly Encoding StrictUtf16Be = new UnicodeEncoding(true, false, true);

    /// <summary>The Windows-1256 code page (registers the code-pages provider on first use).</summary>
    public static Encoding Arabic1256 => Windows1256.Value;

    /// <summary>
    /// The encoding of <paramref name="bytes"/>, or <c>null</c> with <paramref name="error"/> set when the
    /// bytes are binary. <paramref name="declaredCharset"/> is the charset a markup declaration names, if any.
    /// </summary>
    public static DetectedEncoding? Detect(ReadOnlySpan<byte> bytes, string? declaredCharset, out string? error)
    {
        error = null;
        if (FromPreamble(bytes) is { } marked)
        {
            return marked;
        }

        var sample = bytes.Length > SampleBytes ? bytes[..SampleBytes] : bytes;
        var hasNul = sample.Contains((byte)0) || (bytes.Length > SampleBytes && bytes[SampleBytes..].Contains((byte)0));
        var validUtf8 = !hasNul && Utf8.IsValid(bytes);
        if (validUtf8 && ControlRatio(sample) <= TextDecoder.MaxControlRatio)
        {
            return new DetectedEncoding(StrictUtf8, Utf8Name, 0);
        }

        if (bytes.Length % 2 == 0 && Utf16Parity(sample) is { } bigEndian)
        {
            var encoding = bigEndian ? StrictUtf16Be : StrictUtf16Le;
            if (DecodesStrictly(encoding, bytes))
            {
                return new DetectedEncoding(encoding, bigEndian ? Utf16BeName : Utf16LeName, 0);
            }
        }

        if (!hasNul && !validUtf8 && IsDamagedUtf8(sample))
        {
            return new DetectedEncoding(LenientUtf8, Utf8Name, 0);
        }

        if (hasNul || validUtf8)
        {
            error = TextDecoder.BinaryMessage;
            return null;
        }

        if (declaredCharset is not null && FromName(declaredCharset) is { } declared && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return new DetectedEncoding(declared, declared.WebName, 0);
        }

        return new DetectedEncoding(Arabic1256, Windows1256Name, 0);
    }

    private static bool IsDamagedUtf8(ReadOnlySpan<byte> sample)
    {
        int multiByte = 0, invalid = 0;
        while (!sample.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(sample, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                multiByte += consumed > 1 ? 1 : 0;
            }
            else
            {
                invalid++;
            }

            sample = sample[Math.Max(consumed, 1)..];
        }

        return invalid > 0 && multiByte >= invalid * DamagedUtf8Ratio;
    }

    /// <summary>
    /// The charset named by an XML declaration (<c>encoding="…"</c>) or an HTML meta tag (<c>charset=…</c>)
    /// in the first kilobyte, read as ASCII; <c>null</c> when there is none.
    /// </summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes.Length > 1024 ? bytes[..1024] : bytes);
        foreach (var key in (ReadOnlySpan<string>)["encoding=", "charset="])
        {
            var at = head.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var start = at + key.Length;
            while (start < head.Length && head[start] is '"' or '\'' or ' ')
            {
                start++;
            }

            var end = start;
            while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_' or '.' or ':'))
            {
                end++;
            }

            if (end > start)
            {
                return head[start..end];
            }
        }

        return null;
    }

    private static Encoding? FromName(string name)
    {
        _ = Arabic1256;
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DetectedEncoding? FromPreamble(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            return new DetectedEncoding(new UTF32Encoding(false, false), Utf32LeName, 4);
        }

        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            return new DetectedEncoding(new UTF32Encoding(true, false), Utf32BeName, 4);
        }

        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return new DetectedEncoding(new UTF8Encoding(false), Utf8Name, 3);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return new DetectedEncoding(new UnicodeEncoding(false, false), Utf16LeName, 2);
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return new DetectedEncoding(new UnicodeEncoding(true, false), Utf16BeName, 2);
        }

        return null;
    }

    /// <summary>True for big endian, false for little endian, null when the bytes do not look like UTF-16.</summary>
    private static bool? Utf16Parity(ReadOnlySpan<byte> sample)
    {
        if (sample.Length < 2 || sample.Length % 2 != 0)
        {
            return null;
        }

        var units = sample.Length / 2;
        if (LooksLikeUtf16(sample, units, highOffset: 1))
        {
            return false;
        }

        if (LooksLikeUtf16(sample, units, highOffset: 0))
        {
            return true;
        }

        return null;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample, int units, int highOffset)
    {
        Span<int> counts = stackalloc int[256];
        var lowZeros = 0;
        for (var i = 0; i < units; i++)
        {
            counts[sample[2 * i + highOffset]]++;
            if (sample[2 * i + 1 - highOffset] == 0)
            {
                lowZeros++;
            }
        }

        // A zero low byte is U+xx00: rare in text, common in binary.
        if (lowZeros * 100 > units)
        {
            return false;
        }

        int first = 0, second = 0, dominant = 0;
        for (var value = 0; value < counts.Length; value++)
        {
            var c = counts[value];
            if (c > first)
            {
                second = first;
                first = c;
                dominant = value;
            }
            else if (c > second)
            {
                second = c;
            }
        }

        // Without a single ASCII character (a zero high byte) only Arabic-script text is trusted:
        // any byte pair with one constant byte would otherwise pass for some other script.
        if (counts[0] == 0 && dominant is not (0x06 or 0x07 or 0x08 or 0xFB or 0xFC or 0xFD or 0xFE))
        {
            return false;
        }

        return (first + second) * 10 >= units * 9;
    }

    private static bool DecodesStrictly(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = encoding.GetString(bytes.Length % 2 == 0 ? bytes : bytes[..^1]);
            return TextDecoder.ControlRatio(text) <= TextDecoder.MaxControlRatio;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The share of ASCII control bytes other than tab, line feed, vertical tab, form feed and carriage return.</summary>
    private static double ControlRatio(ReadOnlySpan<byte> sample)
    {
        if (sample.IsEmpty)
        {
            return 0;
        }

        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D) || b == 0x7F)
            {
                controls++;
            }
        }

        return (double)controls / sample.Length;
    }
}
