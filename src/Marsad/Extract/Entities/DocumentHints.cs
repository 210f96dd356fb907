namespace Marsad.Extract.Entities;

/// <summary>
/// Document-level hints for the second tagging pass (after Krishnan and Manning 2006): a name is usually tagged the
/// same way throughout an article, so each token learns how the first pass tagged the other mentions of the same
/// word (matched without particles, article and glued punctuation) in its document. Rules:
/// <list type="bullet">
/// <item>only words of three letters or more get a hint; the token's own mention is not counted;</item>
/// <item>when another mention was inside an entity, the hint is the most frequent type among them (ties: the
/// first in label order) and whether at least half the other mentions had it;</item>
/// <item>when there are two other mentions or more and none was inside an entity, the hint says so;</item>
/// <item>hints are bytes: 0 none, 255 never an entity, otherwise 1 + 2 × type index + (half or more).</item>
/// </list>
/// </summary>
internal static class DocumentHints
{
    public const byte NeverEntity = 255;

    /// <summary>The hints of every token of tokenized sentences, matching words by <see cref="NerFeatureExtractor.MatchForm"/>.</summary>
    public static byte[][] Compute(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<string>> firstPass, NerFeatureExtractor extractor, IReadOnlyList<string> types) =>
        Compute(sentences.Select(s => (IReadOnlyList<string>)s.Select(extractor.MatchForm).ToArray()).ToArray(), firstPass, types);

    /// <summary>The hints of every token, from the match form of each token and the first pass's BIO tags.</summary>
    public static byte[][] Compute(IReadOnlyList<IReadOnlyList<string>> forms, IReadOnlyList<IReadOnlyList<string>> firstPass, IReadOnlyList<string> types)
    {
        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < types.Count; k++)
        {
            typeIndex[types[k]] = k;
        }

        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var t = types.Count;
        for (var s = 0; s < forms.Count; s++)
        {
            for (var i = 0; i < forms[s].Count; i++)
            {
                var form = forms[s][i];
                if (form.Length < 3)
                {
                    continue;
                }

                if (!counts.TryGetValue(form, out var c))
                {
                    c = new int[t + 1];
                    counts[form] = c;
                }

                c[t]++;
                var (prefix, type) = BioChunker.Parse(firstPass[s][i]);
                if (prefix != 'O' && typeIndex.TryGetValue(type, out var k))
                {
                    c[k]++;
                }
            }
        }

        var hints = new byte[forms.Count][];
        for (var s = 0; s < forms.Count; s++)
        {
            hints[s] = new byte[forms[s].Count];
            for (var i = 0; i < forms[s].Count; i++)
            {
                if (forms[s][i].Length < 3)
                {
                    continue;
                }

                var c = counts[forms[s][i]];
                var (prefix, type) = BioChunker.Parse(firstPass[s][i]);
                var own = prefix != 'O' && typeIndex.TryGetValue(type, out var ownK) ? ownK : -1;
                var others = c[t] - 1;
                var best = -1;
                var bestCount = 0;
                for (var k = 0; k < t; k++)
                {
                    var n = c[k] - (k == own ? 1 : 0);
                    if (n > bestCount)
                    {
                        best = k;
                        bestCount = n;
                    }
                }

                if (best >= 0)
                {
                    hints[s][i] = (byte)(1 + (2 * best) + (2 * bestCount >= others ? 1 : 0));
                }
                else if (others >= 2)
                {
                    hints[s][i] = NeverEntity;
                }
            }
        }

        return hints;
    }
}
