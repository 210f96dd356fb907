using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Tests.Ingest.Pages;

/// <summary>
/// A page layout written for these tests (Fixtures/pages/*.html), modeled on an Arabic outlet's article page, and
/// filled at test time with a real article. Placeholders:
/// <list type="bullet">
/// <item><c>{{title}}</c>, <c>{{date}}</c>: the article's headline and date (content);</item>
/// <item><c>{{paras A-B}}</c> / <c>{{paras A-}}</c>: paragraphs A to B (or to the end), each as <c>&lt;p&gt;</c>;
/// <c>{{paras A- br}}</c> joins them with two <c>&lt;br&gt;</c>; <c>{{paras A- | &lt;div&gt;$&lt;/div&gt;}}</c> wraps each in
/// the markup given, <c>$</c> standing for the paragraph; <c>{{paras A- link}}</c> links two words of each, as outlets link
/// names to tag pages;</item>
/// <item><c>{{heading N}}</c>: a subheading above paragraph N (its first words; content);</item>
/// <item><c>{{#related N}}…{{/related}}</c>: N teasers of other corpus articles, each with <c>{{r.title}}</c>,
/// <c>{{r.summary}}</c>, <c>{{r.date}}</c>, <c>{{r.n}}</c> (boilerplate);</item>
/// <item><c>{{#tags N}}…{{/tags}}</c>: N topic tags, each <c>{{t.tag}}</c> (boilerplate).</item>
/// </list>
/// Everything else in the layout (menus, footers, comments, newsletter boxes) is boilerplate written for the test.
/// </summary>
internal sealed partial class PageLayout
{
    private static readonly string[] Topics =
        ["اليمن", "السعودية", "العراق", "سوريا", "إيران", "الأمم المتحدة", "الاقتصاد", "النفط", "مصر", "تركيا", "الولايات المتحدة", "روسيا"];

    private PageLayout(string name, string source, string markup)
    {
        Name = name;
        Source = source;
        Markup = markup;
    }

    /// <summary>The layout's file name without extension (the outlet it is modeled on).</summary>
    public string Name { get; }

    /// <summary>The corpus outlet whose articles fill it (any outlet when the corpus has none of its own).</summary>
    public string Source { get; }

    public string Markup { get; }

    public static IReadOnlyList<PageLayout> All()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pages");
        return [.. Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal).Select(Load)];
    }

    public static PageLayout Load(string path)
    {
        var markup = File.ReadAllText(path);
        var source = SourceLine().Match(markup) is { Success: true } m ? m.Groups[1].Value : "";
        return new PageLayout(Path.GetFileNameWithoutExtension(path), source, markup);
    }

    /// <summary>The page with <paramref name="article"/> as its article, and the text a reader would keep of it.</summary>
    public (string Html, string Expected) Render(PageArticle article, IReadOnlyList<PageArticle> others)
    {
        var next = 0;
        var html = Repeat("related", Markup, (body, n) =>
        {
            var sb = new StringBuilder();
            for (var i = 0; i < n; i++)
            {
                var other = others[next++ % others.Count];
                sb.Append(body
                    .Replace("{{r.title}}", Encode(other.Title), StringComparison.Ordinal)
                    .Replace("{{r.summary}}", Encode(other.Summary), StringComparison.Ordinal)
                    .Replace("{{r.date}}", other.DateText, StringComparison.Ordinal)
                    .Replace("{{r.n}}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            return sb.ToString();
        });
        var tag = article.Title.Length;
        html = Repeat("tags", html, (body, n) =>
        {
            var sb = new StringBuilder();
            for (var i = 0; i < n; i++)
            {
                sb.Append(body.Replace("{{t.tag}}", Topics[(tag + i) % Topics.Length], StringComparison.Ordinal));
            }

            return sb.ToString();
        });

        var expected = new List<string> { article.Title };
        if (html.Contains("{{date}}", StringComparison.Ordinal))
        {
            expected.Add(article.DateText);
        }

        // A subheading: the first words of the paragraph it stands above (content, in its place).
        var headings = new Dictionary<int, string>();
        html = Heading().Replace(html, m =>
        {
            var at = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var heading = string.Join(' ', article.Paragraphs[Math.Min(at, article.Paragraphs.Count - 1)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4));
            headings[at] = heading;
            return Encode(heading);
        });
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            if (headings.TryGetValue(i, out var heading))
            {
                expected.Add(heading);
            }

            expected.Add(article.Paragraphs[i]);
        }

        var covered = new bool[article.Paragraphs.Count];
        html = Paras().Replace(html, m =>
        {
            var from = int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = m.Groups["to"].Success ? int.Parse(m.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
            var format = m.Groups["format"].Value.Trim();
            var parts = new List<string>();
            for (var i = from; i <= Math.Min(to, article.Paragraphs.Count - 1); i++)
            {
                covered[i] = true;
                var p = Encode(article.Paragraphs[i]);
                parts.Add(format switch
                {
                    "" => "<p>" + p + "</p>",
                    "br" => p,
                    "link" => "<p>" + Linked(p) + "</p>",
                    _ when format.StartsWith('|') => format[1..].Trim().Replace("$", p, StringComparison.Ordinal),
                    _ => throw new FormatException($"{Name}: unknown paragraph format '{format}'"),
                });
            }

            return string.Join(format == "br" ? "\n<br><br>\n" : "\n", parts);
        });
        if (covered.Contains(false))
        {
            throw new FormatException($"{Name}: the layout leaves paragraphs out (its last range must be open: {{{{paras N-}}}})");
        }

        html = html.Replace("{{title}}", Encode(article.Title), StringComparison.Ordinal)
            .Replace("{{date}}", article.DateText, StringComparison.Ordinal);
        if (html.Contains("{{", StringComparison.Ordinal))
        {
            throw new FormatException($"{Name}: unknown placeholder near '{html[html.IndexOf("{{", StringComparison.Ordinal)..][..30]}'");
        }

        return (html, string.Join('\n', expected));
    }

    private static string Repeat(string name, string markup, Func<string, int, string> expand) =>
        Regex.Replace(markup, "\\{\\{#" + name + " (\\d+)\\}\\}(.*?)\\{\\{/" + name + "\\}\\}",
            m => expand(m.Groups[2].Value, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
            RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The paragraph with its second and third words linked, as outlets link names to their tag pages.</summary>
    private static string Linked(string paragraph)
    {
        var words = paragraph.Split(' ');
        return words.Length < 4 ? paragraph : $"{words[0]} <a href=\"/tags/x\">{words[1]} {words[2]}</a> {string.Join(' ', words[3..])}";
    }

    [GeneratedRegex(@"\{\{heading (\d+)\}\}", RegexOptions.None, 1000)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\{\{paras (?<from>\d+)-(?<to>\d+)?(?<format>[^}]*)\}\}", RegexOptions.None, 1000)]
    private static partial Regex Paras();

    /// <summary>The layout's first line names the corpus outlet that fills it: &lt;!-- source: BBC --&gt;.</summary>
    [GeneratedRegex(@"<!--\s*source:\s*(\S+)\s*-->", RegexOptions.None, 1000)]
    private static partial Regex SourceLine();
}
