namespace Marsad.Model;

/// <summary>
/// The one policy for C0 control characters in article text: NUL and the other C0 controls except tab, line feed and
/// carriage return (U+0000–U+001F), and DEL (U+007F), carry no content but break stores (PostgreSQL refuses NUL, SQLite
/// cuts its text at the first NUL) and terminals. Each is replaced by a space, one for one, so every offset into the text
/// stays valid and every store keeps the same text.
/// </summary>
public static class ControlCharacters
{
    private static readonly System.Buffers.SearchValues<char> Replaced = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(c => (char)c).Where(IsReplaced).ToArray());

    public static bool IsReplaced(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f';

    /// <summary>The text with each replaced control as a space; the same instance when it has none.</summary>
    public static string Replace(string text)
    {
        if (!text.AsSpan().ContainsAny(Replaced))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsReplaced(source[i]) ? ' ' : source[i];
            }
        });
    }

    /// <summary>Null stays null.</summary>
    public static string? ReplaceOrNull(string? text) => text is null ? null : Replace(text);

    /// <summary>The article with the policy applied to its id, content and metadata.</summary>
    public static RawArticle ReplaceIn(RawArticle raw) => raw with
    {
        Id = Replace(raw.Id),
        SourcePath = Replace(raw.SourcePath),
        Content = Replace(raw.Content),
        Title = ReplaceOrNull(raw.Title),
        Outlet = ReplaceOrNull(raw.Outlet),
        Url = ReplaceOrNull(raw.Url),
    };
}
