using System.Text;
using System.Text.RegularExpressions;
using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// Removes bracketed template placeholders from inside a line while the rest of the line stays, e.g. an ad slot
/// glued to the end of a sentence ("… الجنود.[ads3]"). Rules:
/// <list type="bullet">
/// <item>a placeholder is [name…] or {name…} with a first word of letters (digits, '_' and '-' may follow), at most 60 characters;</item>
/// <item>it goes only when the key of its first word is an <c>inline</c> entry of the lexicon (ads, banner, إعلان, related, embed…),
/// so footnote marks "[1]" and editorial brackets "[الرئيس]" stay;</item>
/// <item>the space left behind is closed up; each removed placeholder is reported with the entry's reason.</item>
/// </list>
/// </summary>
public sealed partial class InlineMarkerRemover
{
    private readonly BoilerplateLexicon _lexicon;

    public InlineMarkerRemover(BoilerplateLexicon lexicon) => _lexicon = lexicon;

    /// <summary>The line without its placeholders; each one removed is added to <paramref name="removed"/>.</summary>
    public string Strip(string line, List<Removal> removed)
    {
        if (line.IndexOfAny(['[', '{']) < 0)
        {
            return line;
        }

        StringBuilder? sb = null;
        var last = 0;
        foreach (Match m in Placeholder().Matches(line))
        {
            var name = m.Groups["name"].Value;
            var reason = _lexicon.InlineReason(FirstWordKey(name)) ?? _lexicon.InlineReason(LineKey.Of(name));
            if (reason is null)
            {
                continue;
            }

            sb ??= new StringBuilder(line.Length);
            sb.Append(line, last, m.Index - last);
            last = m.Index + m.Length;
            removed.Add(new Removal(m.Value, reason.Value));
        }

        if (sb is null)
        {
            return line;
        }

        sb.Append(line, last, line.Length - last);
        return MultiSpace().Replace(sb.ToString(), " ").Trim();
    }

    private static string FirstWordKey(string name)
    {
        var key = LineKey.Of(name);
        var space = key.IndexOf(' ');
        return space < 0 ? key : key[..space];
    }

    [GeneratedRegex(@"[\[\{]\s*/?(?<name>[\p{L}][\p{L}\p{Mn}\d_\- ]{0,40}?)\s*(?:[\s=:][^\]\}\[\{]{0,60})?[\]\}]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MultiSpace();
}
