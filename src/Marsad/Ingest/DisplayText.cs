using System.Globalization;
using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// Makes a path or message safe to print on one terminal line. A file name may hold any character but '/' and NUL:
/// a line break would split a one-line error in two, and ESC starts a terminal escape sequence (colours, cursor moves,
/// a changed window title). Rules: C0 and C1 control characters and DEL become escapes (\n, \r, \t, else \xHH), and so
/// do the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would reorder the rest of the
/// line; everything else, Arabic and its marks included, is kept.
/// </summary>
public static class DisplayText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c <= '\u00FF' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) =>
        c < '\u0020' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
