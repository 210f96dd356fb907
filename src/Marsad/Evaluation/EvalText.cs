using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Evaluation;

/// <summary>
/// The text helpers of the reference scorer (<c>score.py</c>), ported to behave identically: its normalization,
/// its overlap test, Python's <c>str.splitlines</c>, code-point lengths and reading a file the way Python's
/// <c>open(encoding="utf-8")</c> does (BOM kept, universal newlines).
/// </summary>
public static class EvalText
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex Harakat = new("[\u064B-\u0652\u0640]", RegexOptions.Compiled, Timeout);
    private static readonly Regex Alef = new("[إأآٱ]", RegexOptions.Compiled, Timeout);
    private static readonly Regex Quotes = new("[“”\"«»]", RegexOptions.Compiled, Timeout);

    // Python's \s also matches the information separators U+001C–U+001F.
    private static readonly Regex Spaces = new(@"[\s\x1C-\x1F]+", RegexOptions.Compiled, Timeout);

    /// <summary>score.py <c>norm</c>: NFC, no harakat or tatweel, bare alef, ي for ى, ه for ة, straight quotes, single spaces.</summary>
    public static string Norm(string? s)
    {
        var t = (s ?? "").Normalize(NormalizationForm.FormC);
        t = Harakat.Replace(t, "");
        t = Alef.Replace(t, "ا").Replace('ى', 'ي').Replace('ة', 'ه');
        t = Quotes.Replace(t, "\"");
        return Spaces.Replace(t, " ").Trim(' ');
    }

    /// <summary>score.py <c>overlap</c>: one normalized text contains the other (a leading لل reads as ال).</summary>
    public static bool Overlap(string? a, string? b)
    {
        var x = Norm(a);
        var y = Norm(b);
        if (x.StartsWith("لل", StringComparison.Ordinal))
        {
            x = "ال" + x[2..];
        }

        if (y.StartsWith("لل", StringComparison.Ordinal))
        {
            y = "ال" + y[2..];
        }

        return x.Length > 0 && y.Length > 0 && (y.Contains(x, StringComparison.Ordinal) || x.Contains(y, StringComparison.Ordinal));
    }

    /// <summary>Python's <c>str.splitlines()</c>.</summary>
    public static List<string> SplitLines(string s)
    {
        var lines = new List<string>();
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                lines.Add(s[start..i]);
                i += c == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? 2 : 1;
                start = i;
            }
            else
            {
                i++;
            }
        }

        if (start < s.Length)
        {
            lines.Add(s[start..]);
        }

        return lines;
    }

    /// <summary>Python's <c>len</c>: code points, not UTF-16 units.</summary>
    public static int CodePoints(string s)
    {
        var n = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }

        return n;
    }

    /// <summary>Reads a file as Python's <c>open(path, encoding="utf-8").read()</c>: a BOM is kept, newlines become \n.</summary>
    public static string ReadLikePython(string path)
    {
        var text = new UTF8Encoding(false, false).GetString(File.ReadAllBytes(path));
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
}
