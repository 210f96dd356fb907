namespace Marsad.Extract.Entities;

/// <summary>
/// Reads CoNLL-style tagged text. Rules:
/// <list type="bullet">
/// <item>one token per line, blank lines between sentences; a trailing carriage return is ignored;</item>
/// <item>the tag is the last field; with tabs the token is the first tab field, otherwise everything before the
/// last run of spaces (ANERcorp has tokens that contain a space);</item>
/// <item>zero-width and bidi marks around the token are trimmed (some corpora prefix every token with U+200E).</item>
/// </list>
/// </summary>
public static class ConllReader
{
    public static IReadOnlyList<ConllSentence> ReadFile(string path) => Read(File.ReadLines(path, System.Text.Encoding.UTF8)).ToList();

    public static IEnumerable<ConllSentence> Read(IEnumerable<string> lines)
    {
        var raw = new List<string>();
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (var l in lines)
        {
            var line = l.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                if (raw.Count > 0)
                {
                    yield return new ConllSentence(raw.ToArray(), tokens.ToArray(), tags.ToArray());
                    raw.Clear();
                    tokens.Clear();
                    tags.Clear();
                }

                continue;
            }

            var (token, tag) = Split(line);
            raw.Add(line);
            tokens.Add(token);
            tags.Add(tag);
        }

        if (raw.Count > 0)
        {
            yield return new ConllSentence(raw.ToArray(), tokens.ToArray(), tags.ToArray());
        }
    }

    /// <summary>The token and the tag (last field) of one non-blank line; a line of one field has tag "O".</summary>
    public static (string Token, string Tag) Split(string line)
    {
        if (line.Contains('\t'))
        {
            var fields = line.Split('\t');
            return (Clean(fields[0]), fields.Length > 1 ? fields[^1].Trim() : "O");
        }

        var trimmed = line.TrimEnd();
        var cut = trimmed.LastIndexOf(' ');
        if (cut <= 0)
        {
            return (Clean(trimmed), "O");
        }

        return (Clean(trimmed[..cut]), trimmed[(cut + 1)..]);
    }

    private static string Clean(string token) => token.Trim().Trim('\u200E', '\u200F', '\uFEFF');
}
