using System.Globalization;
using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// Turns a file's bytes into text with the encoding <see cref="EncodingDetector"/> finds. Rules:
/// <list type="bullet">
/// <item>the byte order mark is dropped, and so is a stray U+FEFF at the start;</item>
/// <item>binary content is rejected: NUL bytes outside UTF-16, or more than <see cref="MaxControlRatio"/>
/// of the characters being control characters (C0 other than tab/line breaks/form feed, DEL, C1);</item>
/// <item>content that is empty, or only white space and invisible format characters, is rejected as "empty file".</item>
/// </list>
/// </summary>
public static class TextDecoder
{
    /// <summary>Text has a few control characters at most (a stray form feed); binary data has many.</summary>
    public const double MaxControlRatio = 0.05;

    public const string BinaryMessage = "not a text file (binary content)";
    public const string EmptyMessage = "empty file";

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.IsEmpty)
        {
            return new DecodedText(null, EncodingDetector.Utf8Name, EmptyMessage);
        }

        var detected = EncodingDetector.Detect(bytes, declaredCharset, out var error);
        if (detected is null)
        {
            return new DecodedText(null, "", error ?? BinaryMessage);
        }

        string text;
        try
        {
            text = detected.Encoding.GetString(bytes[detected.PreambleLength..]);
        }
        catch (DecoderFallbackException e)
        {
            return new DecodedText(null, detected.Name, $"cannot decode as {detected.Name}: {InputWalker.OneLine(e.Message)}");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (IsBlank(text))
        {
            return new DecodedText(null, detected.Name, EmptyMessage);
        }

        if (ControlRatio(text) > MaxControlRatio)
        {
            return new DecodedText(null, detected.Name, BinaryMessage);
        }

        return new DecodedText(text, detected.Name, null);
    }

    /// <summary>True when the text holds nothing a reader would see.</summary>
    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    internal static double ControlRatio(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var controls = 0;
        foreach (var c in text)
        {
            if ((c < '\u0020' && c is not ('\t' or '\n' or '\v' or '\f' or '\r')) || (c >= '\u007F' && c <= '\u009F'))
            {
                controls++;
            }
        }

        return (double)controls / text.Length;
    }
}
