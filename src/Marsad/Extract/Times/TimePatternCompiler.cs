using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Extract.Times;

/// <summary>
/// Turns the rule templates of <c>patterns.tsv</c> into regular expressions. Rules:
/// <list type="bullet">
/// <item><c>{NAME}</c> (but not a Unicode class such as <c>\p{Zs}</c>) is replaced by a macro (a line <c>@NAME</c>) or by the alternation of a lexicon class, recursively;</item>
/// <item>a class's forms are tried longest first, so "كانون الثاني" wins over a shorter form;</item>
/// <item>a space inside a form matches any run of horizontal spaces (the text keeps NBSP and doubled spaces);</item>
/// <item>a form that starts with the article ال also matches the ل of "لل…" ("للعام"), where the preposition ل
/// has swallowed the alef of the article;</item>
/// <item>each rule is then compiled on its own, anchored with \G (see <see cref="TimeLexicon"/>).</item>
/// </list>
/// </summary>
public static class TimePatternCompiler
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex Reference = new(@"(?<!\\[pP])\{(?<name>[A-Za-z_]+)\}", RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>Expands a template's macros and classes.</summary>
    public static string Expand(
        string template,
        IReadOnlyDictionary<string, string> macros,
        IReadOnlyDictionary<string, IReadOnlyList<string>> classes,
        int depth = 0)
    {
        if (depth > 16)
        {
            throw new InvalidDataException($"time pattern macros nest too deeply (a cycle?) in '{template}'");
        }

        return Reference.Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            if (macros.TryGetValue(name, out var macro))
            {
                return Expand(macro, macros, classes, depth + 1);
            }

            if (classes.TryGetValue(name, out var forms))
            {
                return Alternation(forms);
            }

            throw new InvalidDataException(
                $"time pattern refers to unknown '{{{name}}}'; known macros: {string.Join(", ", macros.Keys)}; known classes: {string.Join(", ", classes.Keys)}");
        });
    }

    /// <summary>The alternation of a class's forms, longest first.</summary>
    public static string Alternation(IEnumerable<string> forms)
    {
        var sb = new StringBuilder("(?:");
        var first = true;
        foreach (var form in forms.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            if (!first)
            {
                sb.Append('|');
            }

            first = false;
            sb.Append(FormPattern(form));
        }

        return sb.Append(')').ToString();
    }

    private static string FormPattern(string form)
    {
        var parts = form.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var body = string.Join(@"[\p{Zs}\t]+", parts);
        if (form.StartsWith("ال", StringComparison.Ordinal) && form.Length > 2)
        {
            return "(?:ال|(?<=ل)ل)" + body[2..];
        }

        return body;
    }
}
