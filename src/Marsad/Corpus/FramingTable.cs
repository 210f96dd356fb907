using System.Text;
using Marsad.Arabic;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Per outlet, the terms it uses for the same actor (المقاومة / الميليشيات / الفصائل المسلحة / فصائل إيران). Rules:
/// <list type="bullet">
/// <item>terms come from <c>data/corpus/actor-designations.tsv</c>; each is matched as a sequence of stems (normalized
/// form without clitics), so "وللميليشيات" and "الميليشيات" are one term;</item>
/// <item>at each word the longest term wins and matching resumes after it ("فصائل المقاومة" is not also "المقاومة");</item>
/// <item>a generic term names the actor of the country the document is mostly about (the country most of its linked
/// places and actors belong to): "الفصائل المسلحة" are the Iraqi factions in Iraq and the armed opposition in Syria; in a
/// document about none of a term's countries the term is left unassigned rather than guessed;</item>
/// <item>the outlet is <see cref="Document.Outlet"/>, or "(unknown)";</item>
/// <item>rows are sorted by outlet, actor, then mentions (most first) and term.</item>
/// </list>
/// </summary>
public sealed class FramingTable
{
    public const string UnknownOutlet = "(unknown)";

    private static readonly Lazy<FramingTable> DefaultInstance = new(() => new FramingTable(Load(TsvLexicon.ReadData("corpus", "actor-designations.tsv"))));

    private readonly Dictionary<string, List<ActorDesignation>> _byFirstStem = new(StringComparer.Ordinal);

    public FramingTable(IEnumerable<ActorDesignation> designations)
    {
        foreach (var d in designations)
        {
            if (!_byFirstStem.TryGetValue(d.Stems[0], out var list))
            {
                _byFirstStem[d.Stems[0]] = list = [];
            }

            list.Add(d);
        }

        foreach (var list in _byFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Count.CompareTo(a.Stems.Count));
        }
    }

    public static FramingTable Default => DefaultInstance.Value;

    /// <summary>Reads designation rows (term, actor, frame), stemming each word of the term with the clitic segmenter.</summary>
    public static IReadOnlyList<ActorDesignation> Load(IEnumerable<string[]> rows) =>
        rows.Where(r => r.Length >= 3).Select(r =>
        {
            var stems = ArabicNormalizer.Normalize(r[0]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
            {
                var s = CliticSegmenter.Default.Segment(w);
                return s.PrefixLength + s.SuffixLength < w.Length ? w[s.PrefixLength..(w.Length - s.SuffixLength)] : w;
            }).ToList();
            var where = r.Length > 3 && r[3] != "*" ? r[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : null;
            return new ActorDesignation(r[0], r[1], r[2], stems, where);
        }).ToList();

    /// <summary>The designations used in one document, in text order (a condensed document's are read from its digest).</summary>
    public IReadOnlyList<ActorDesignation> Find(Document document)
    {
        if (document.TryGet(CorpusLayers.Digest, out var digest) && digest.Designations is { } kept && !document.Has(Layers.Tokens))
        {
            return kept;
        }

        if (!document.TryGet(Layers.Normalized, out var normalized) || !document.TryGet(Layers.Tokens, out var tokens))
        {
            return [];
        }

        var words = new TokenView(normalized.Text, tokens, document.Get(Layers.Segments));
        var country = MainCountry(document);
        var lookup = _byFirstStem.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new List<ActorDesignation>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !lookup.TryGetValue(words.Stem(i), out var candidates))
            {
                continue;
            }

            foreach (var c in candidates)
            {
                if (c.AppliesIn(country) && Matches(words, i, c.Stems))
                {
                    found.Add(c);
                    i += c.Stems.Count - 1;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The table over a set of documents.</summary>
    public IReadOnlyList<FramingRow> Build(IEnumerable<Document> documents)
    {
        var counts = new Dictionary<(string Outlet, ActorDesignation Term), (int Mentions, int Documents)>();
        foreach (var document in documents)
        {
            var outlet = string.IsNullOrWhiteSpace(document.Outlet) ? UnknownOutlet : document.Outlet.Trim();
            foreach (var group in Find(document).GroupBy(d => d))
            {
                var key = (outlet, group.Key);
                var (m, n) = counts.GetValueOrDefault(key);
                counts[key] = (m + group.Count(), n + 1);
            }
        }

        return counts.Select(x => new FramingRow(x.Key.Outlet, x.Key.Term.Actor, x.Key.Term.Term, x.Key.Term.Frame, x.Value.Mentions, x.Value.Documents))
            .OrderBy(r => r.Outlet, StringComparer.Ordinal).ThenBy(r => r.Actor, StringComparer.Ordinal)
            .ThenByDescending(r => r.Mentions).ThenBy(r => r.Term, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The table as aligned plain text: outlet, actor, then each term with its mentions and documents.</summary>
    public static string ToText(IReadOnlyList<FramingRow> rows)
    {
        var sb = new StringBuilder();
        foreach (var outlet in rows.GroupBy(r => (r.Outlet, r.Actor)))
        {
            sb.Append(outlet.Key.Outlet).Append(" — ").Append(outlet.Key.Actor).Append(": ");
            sb.AppendJoin("; ", outlet.Select(r => $"{r.Term} ({r.Frame}) ×{r.Mentions} in {r.Documents} doc(s)"));
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The country most of a document's linked places and actors belong to (ties: the first named); null if none.</summary>
    private static string? MainCountry(Document document)
    {
        if (!document.TryGet(EntityLayers.Entities, out var entities))
        {
            return null;
        }

        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            var country = entities[i].Place?.Country ?? entities[i].Actor?.Country;
            if (!string.IsNullOrEmpty(country))
            {
                var (n, first) = counts.GetValueOrDefault(country, (0, i));
                counts[country] = (n + 1, first);
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(x => x.Value.Count).ThenBy(x => x.Value.First).First().Key;
    }

    private static bool Matches(TokenView words, int start, IReadOnlyList<string> stems)
    {
        if (start + stems.Count > words.Tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < stems.Count; k++)
        {
            if (words.Tokens[start + k].Kind != TokenKind.Word || !words.Stem(start + k).SequenceEqual(stems[k]))
            {
                return false;
            }
        }

        return true;
    }
}
