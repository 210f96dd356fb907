using System.Text.RegularExpressions;
using Marsad.Arabic;

namespace Marsad.Ingest.Metadata;

/// <summary>
/// Finds the outlet that published an article from what its text says about itself. Evidence, strongest first
/// (weights add up per outlet; the heaviest wins, the earliest on a tie):
/// <list type="bullet">
/// <item>a closing credit: a known outlet or agency in parentheses at the end of the last line, "… (EURONEWS)",
/// "(رويترز)", or a last line that is only its name (weight 5);</item>
/// <item>a statement received by a quoted name: "بيان تلقته «X»", "حصلت عليها «X»" (weight 4); X need not be known
/// when the verb carries its object pronoun or is "وصل";</item>
/// <item>a comments disclaimer naming a known outlet: "لا تعبر بالضرورة عن رأي X" (weight 4);</item>
/// <item>a source line "المصدر: X" with a known X (weight 3);</item>
/// <item>a quoted known Arabic-language outlet (not an agency or wire service) addressed by a speaker: "قال لـ«X»",
/// "لموقع «X»", "في حديث مع «X»" (weight 2 for each mention; "وفقا لـ«X»" is a citation) — Arab outlets name themselves so, while a quoted
/// agency or a foreign paper ("لصحيفة «واشنطن بوست»") is a source being cited.</item>
/// </list>
/// Unquoted citations ("نقلت رويترز عن") and wire services quoted as a source are not the publisher.
/// </summary>
public sealed partial class OutletFinder
{
    private const string Quoted = @"[«“""”„]\s*(?<x>[^«»“”""„\n]{2,40}?)\s*[»”""“]";

    private readonly OutletCatalog _catalog;

    public OutletFinder(OutletCatalog catalog) => _catalog = catalog;

    public static OutletFinder Default { get; } = new(OutletCatalog.Default);

    /// <summary>The outlet's canonical display name, or null. <paramref name="lines"/> are the article's lines in order
    /// (removed boilerplate included: a disclaimer is evidence); <paramref name="lastContentLine"/> is the index of the
    /// last line kept as content, where a closing credit sits.</summary>
    public string? Find(IReadOnlyList<string> lines, int lastContentLine)
    {
        var scores = new Dictionary<string, (int Score, int Order)>(StringComparer.Ordinal);
        var order = 0;

        void Add(string name, int weight)
        {
            scores[name] = scores.TryGetValue(name, out var s) ? (s.Score + weight, s.Order) : (weight, order++);
        }

        if (lastContentLine >= 0 && lastContentLine < lines.Count)
        {
            var last = ArabicNormalizer.Normalize(lines[lastContentLine]).Trim();
            var credit = ClosingCredit().Match(last);
            if (credit.Success && _catalog.Find(credit.Groups["x"].Value) is { } byCredit)
            {
                Add(byCredit.Name, 5);
            }
            else if (last.Length <= 40 && _catalog.Find(last) is { } alone)
            {
                Add(alone.Name, 5);
            }
        }

        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                Scan(line, Add);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological line is no evidence either way; the other lines still count.
            }
        }

        string? best = null;
        var bestScore = 0;
        var bestOrder = int.MaxValue;
        foreach (var (name, (score, o)) in scores)
        {
            if (score > bestScore || (score == bestScore && o < bestOrder))
            {
                best = name;
                bestScore = score;
                bestOrder = o;
            }
        }

        return best;
    }

    private void Scan(string line, Action<string, int> add)
    {
        // Most lines quote nothing and name no source: skip the regexes for them.
        var quoted = line.AsSpan().IndexOfAny("«“\"”„") >= 0;
        var hasOpinion = line.Contains("تعبر", StringComparison.Ordinal);
        var hasSource = line.AsSpan().TrimStart().StartsWith("المصدر", StringComparison.Ordinal);
        if (!quoted && !hasOpinion && !hasSource)
        {
            return;
        }

        var mapped = ArabicNormalizer.NormalizeWithMap(line);
        var norm = mapped.Text;
        if (quoted)
        {
            foreach (Match m in Received().Matches(norm))
            {
                var group = m.Groups["x"];
                if (_catalog.Find(group.Value) is { } known)
                {
                    add(known.Name, 4);
                    continue;
                }

                // An outlet the catalogue does not know is taken only as the subject of a verb carrying its object
                // ("بيان تلقته «X»"); after a bare verb ("تلقت «X»") the quoted words may be what was received.
                var verb = m.Groups["verb"].Value;
                if (!verb.EndsWith('ه') && !verb.EndsWith("ها", StringComparison.Ordinal) && !verb.StartsWith("وصل", StringComparison.Ordinal))
                {
                    continue;
                }

                var written = mapped.MapToOriginal(group.Index, group.Index + group.Length).Of(line).Trim();
                if (written.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
                {
                    add(written, 4);
                }
            }

            foreach (Match m in Addressed().Matches(norm))
            {
                if (_catalog.Find(m.Groups["x"].Value) is { Kind: OutletKind.Outlet, PublishesArabic: true } addressed)
                {
                    add(addressed.Name, 2);
                }
            }
        }

        if (hasOpinion && Disclaimed(norm) is { } disclaimed && _catalog.Find(disclaimed) is { } byDisclaimer)
        {
            add(byDisclaimer.Name, 4);
        }

        if (hasSource)
        {
            var source = SourceLine().Match(norm);
            if (source.Success && _catalog.Find(source.Groups["x"].Value) is { } bySource)
            {
                add(bySource.Name, 3);
            }
        }
    }

    /// <summary>The name after the last "عن رأي" of a line that says "تعبر … عن رأي X", or null.</summary>
    private static string? Disclaimed(string norm)
    {
        if (!norm.Contains("تعبر", StringComparison.Ordinal))
        {
            return null;
        }

        Match? last = null;
        foreach (Match m in OpinionOf().Matches(norm))
        {
            last = m;
        }

        if (last is null)
        {
            return null;
        }

        var rest = norm[(last.Index + last.Length)..];
        var stop = rest.IndexOfAny(['.', '،', ',', '؛', ';', '\n']);
        var name = (stop < 0 ? rest : rest[..stop]).Trim().Trim('"', '«', '»', '“', '”', '-', ' ');
        return name.Length is >= 2 and <= 40 ? name : null;
    }

    [GeneratedRegex(@"\((?<x>[^()]{2,40})\)\s*[.!]?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClosingCredit();

    [GeneratedRegex(@"(?<![\p{L}])(?<verb>تلقته|تلقتها|تلقت|تسلمته|تسلمتها|حصلت\s+عليه|حصلت\s+عليها|اطلعت\s+عليه|اطلعت\s+عليها|علمت|وصل|وصلت|ورد|وردت)\s*(?:نسخه\s+منه\s*|نسخه\s+منها\s*)?" + Quoted, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Received();

    [GeneratedRegex(@"عن\s+(?:راي|اراء|وجهه\s+نظر|سياسه)\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpinionOf();

    [GeneratedRegex(@"^\s*المصدر\s*[:：\-]\s*(?<x>[^\n]{2,40}?)\s*\.?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"(?:(?<![\p{L}])(?<!(?:وفقا|طبقا|تبعا|استنادا)\s*)ل(?:موقع|صحيفه|جريده|قناه|وكاله|شبكه|مجله|تلفزيون|اذاعه|راديو)?|(?:حديث|تصريح|تصريحات|مقابله|لقاء)(?:\s+[\p{L}]+){0,2}?\s+مع)\s*" + Quoted, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Addressed();
}
