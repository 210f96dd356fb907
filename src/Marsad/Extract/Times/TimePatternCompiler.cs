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
/// <item>the forms are written as a prefix tree ("(?:اسبوع(?:ان|ين|ا)?|…)"), so a position that starts none of them
/// is left after a few comparisons instead of one per form; the tree tries a longer form before any form it
/// extends, which is the order of the flat longest-first list wherever two forms can both match (see
/// <see cref="Alternation"/>);</item>
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

    /// <summary>
    /// The alternation of a class's forms, longest first, as a prefix tree. Where two forms can both match at a
    /// position, one's tokens (letters, spaces, the article) begin the other's, and the tree tries the longer first,
    /// as the flat list does; everywhere else at most one form matches, so the order of the branches does not
    /// matter and the tree matches exactly what the flat list matches. The article token (ال, or ل after ل) can
    /// start the same text as a form written with ل or as the bare word ال: a class holding both keeps the flat list.
    /// </summary>
    public static string Alternation(IEnumerable<string> forms)
    {
        var ordered = forms.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var tree = new PrefixNode();
        var articles = false;
        var overlapsArticle = false;
        foreach (var form in ordered)
        {
            var tokens = Tokens(form);
            articles |= tokens.Count > 0 && tokens[0] == Article;
            overlapsArticle |= form == "ال" || form.StartsWith('ل');
            if (tokens.Count == 0 || !tree.Add(tokens, form.Length))
            {
                return FlatAlternation(ordered);
            }
        }

        return articles && overlapsArticle ? FlatAlternation(ordered) : "(?:" + tree.Branches() + ")";
    }

    /// <summary>The forms one after another, longest first (the reading the prefix tree must keep).</summary>
    private static string FlatAlternation(IEnumerable<string> ordered) => "(?:" + string.Join('|', ordered.Select(FormPattern)) + ")";

    private const string Article = "(?:ال|(?<=ل)ل)";

    private const string Space = @"[\p{Zs}\t]+";

    /// <summary>A form as the tokens of its pattern: the article, then each letter escaped, a run of spaces as one token.</summary>
    private static List<string> Tokens(string form)
    {
        var tokens = new List<string>();
        var parts = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            if (p > 0)
            {
                tokens.Add(Space);
            }

            var from = 0;
            if (p == 0 && form.StartsWith("ال", StringComparison.Ordinal) && form.Length > 2)
            {
                tokens.Add(Article);
                from = 2;
            }

            for (var i = from; i < part.Length; i++)
            {
                tokens.Add(Regex.Escape(part[i].ToString()));
            }
        }

        return tokens;
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

    /// <summary>A node of the prefix tree: the forms that end here and the tokens that continue them.</summary>
    private sealed class PrefixNode
    {
        private readonly List<(string Token, PrefixNode Node)> _children = [];

        /// <summary>The length of the form that ends here, or -1.</summary>
        private int _end = -1;

        /// <summary>
        /// Adds a form; false when a form it extends is not shorter than it (the flat list would try that one first,
        /// the tree would not).
        /// </summary>
        public bool Add(List<string> tokens, int length)
        {
            var node = this;
            foreach (var token in tokens)
            {
                if (node._end >= length)
                {
                    return false;
                }

                var next = node._children.FirstOrDefault(c => c.Token == token).Node;
                if (next is null)
                {
                    next = new PrefixNode();
                    node._children.Add((token, next));
                }

                node = next;
            }

            // Two forms with the same tokens (they differ in spaces) match the same text: either length will do.
            node._end = Math.Max(node._end, length);
            return true;
        }

        /// <summary>The branches below this node, joined with |; the longer forms before the one that ends here.</summary>
        public string Branches() => string.Join('|', _children.Select(c => c.Token + c.Node.Rest()));

        /// <summary>What may follow this node's token: its branches, optional when a form ends here.</summary>
        private string Rest()
        {
            if (_children.Count == 0)
            {
                return "";
            }

            if (_children.Count == 1 && _end < 0)
            {
                return _children[0].Token + _children[0].Node.Rest();
            }

            return "(?:" + Branches() + ")" + (_end >= 0 ? "?" : "");
        }
    }
}
